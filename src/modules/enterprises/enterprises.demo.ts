import { DAY } from "../../lib/time.ts";
import type { Services } from "../../services.ts";
import type { OrganisationInput } from "../cooperation/cooperation.schemas.ts";
import { SYSTEM_ACTOR } from "../cooperation/cooperation.service.ts";
import type { ProfileInput, RequestInput } from "./enterprises.schemas.ts";

/**
 * The directory's demo (issue 6). Three kinds of records, never mixed up:
 *  - Wenzhou companies known from ../shared/data/facts.json (wenzhou.companies) with their Chinese
 *    names, sectors, confidence and sources; only what the sources say (no offers made up for them);
 *  - the kinds of companies the August 2025 delegation visited, whose names were not published:
 *    named as such ("a Wenzhou elastic-fabric maker (name not published)"), nothing invented;
 *  - generated Turkistan enterprises, marked illustrative in their names and records, with
 *    published offers and needs so that partner matching shows results in every language.
 */

const ARTICLE = "Starting article: Turkistan oblast press release (kk), August 2025 (sectors only; company names not published)";
const NOT_PUBLISHED =
  "Name not published; the starting article names the sector only (facts.json → wenzhou.companies_visited_by_delegation).";

type Names = { kk: string; ru: string; zh: string; en: string };

interface KnownCompany {
  names: Names;
  original: string;
  aliases: string[];
  sectors: string[];
  division: string[];
  founded: number | null;
  size: "large" | null;
  description: Names;
  products: { hs: string | null; name: string }[];
  confidence: "verified" | "single-source";
  sources: string[];
  note?: string;
}

/** facts.json → wenzhou.companies. */
const KNOWN: KnownCompany[] = [
  {
    names: { kk: "Чинт тобы (CHINT)", ru: "Группа Чинт (CHINT)", zh: "正泰集团", en: "CHINT Group" },
    original: "正泰集团",
    aliases: ["Chint", "CHINT Electric", "Чинт", "Zhengtai Group"],
    sectors: ["27.12", "27.90", "26.11"],
    division: ["C27", "C26"],
    founded: 1984,
    size: "large",
    description: {
      kk: "Юэцин, Лючжэнь қаласынан шыққан төменвольтты электр жабдықтары, ақылды энергетика және күн панельдері өндірушісі. 2023 жылғы түсімі 155 млрд юань, 50 000-ға жуық қызметкер.",
      ru: "Производитель низковольтного электрооборудования, решений для умной энергетики и фотоэлектрики из посёлка Люши (Юэцин). Выручка 2023 года — 155 млрд юаней, около 50 000 сотрудников.",
      zh: "源自乐清柳市的低压电器、智慧能源和光伏企业。2023年营收1550亿元，员工约5万人。",
      en: "Low-voltage electrical equipment, smart energy and photovoltaics, from Liushi, Yueqing. 2023 revenue 155 bn CNY; about 50,000 employees.",
    },
    products: [
      { hs: "8536", name: "Low-voltage switches and circuit breakers" },
      { hs: "8537", name: "Switchboards and control panels" },
      { hs: "8541", name: "Photovoltaic cells and modules" },
    ],
    confidence: "verified",
    sources: [
      "https://www.shine.cn/biz/economy/2405239056/",
      "https://www.weekinchina.com/2011/08/happy-to-switch/?dm=facebook",
      "https://www.chint-ajlanbros.com/ar/about-us/news-center/news/always-keeping-focus-on-product-quality-nan-cunhui-chairman-of-chint-group-15-217.html",
    ],
    note: "Founder Nan Cunhui 南存辉; Qiujing switch factory 1984, CHINT brand 1991; regional HQ Shanghai.",
  },
  {
    names: { kk: "Делиси тобы (Delixi)", ru: "Группа Делиси (Delixi)", zh: "德力西集团", en: "Delixi Group" },
    original: "德力西集团",
    aliases: ["Delixi", "Делиси", "Delixi Electric"],
    sectors: ["27.12", "27.90"],
    division: ["C27"],
    founded: 1984,
    size: "large",
    description: {
      kk: "Лючжэньнен шыққан электр жабдықтары өндірушісі (7 санат, 100 000-нан астам өнім түрі), жаңа энергетика және экология бағыттары. Schneider Electric-пен бірлескен «Delixi Electric» кәсіпорны (2007).",
      ru: "Производитель электрооборудования из Люши (7 категорий, более 100 000 позиций), также новая энергетика и экология. Совместное предприятие «Delixi Electric» со Schneider Electric (2007).",
      zh: "源自柳市的电气企业（7大类、10万余种规格），并涉足新能源精密制造和环保。与施耐德电气合资成立德力西电气（2007年底）。",
      en: "Electrical equipment from Liushi (7 categories, 100,000+ specifications), plus new-energy precision manufacturing and environmental business. 50/50 joint venture Delixi Electric with Schneider Electric (end 2007).",
    },
    products: [
      { hs: "8536", name: "Low-voltage electrical apparatus" },
      { hs: "8537", name: "Distribution boards" },
    ],
    confidence: "verified",
    sources: [
      "http://m.yktchina.com/static/2024/0611/062024_87255.html",
      "https://zjnews.zjol.com.cn/zjnews/zjxw/201810/t20181016_8487689.shtml",
      "https://21ic.com/iot/smart/city/217784.htm",
    ],
    note: "Founder Hu Chengzhong 胡成中; revenue near 70 bn CNY (2022); HQ now Shanghai.",
  },
  {
    names: {
      kk: "«Жэньминь» электр аппараттары тобы",
      ru: "Группа электроаппаратов «Жэньминь»",
      zh: "人民电器集团",
      en: "People Electric Appliance Group",
    },
    original: "人民电器集团",
    aliases: ["People Electric", "Renmin Dianqi"],
    sectors: ["27.12"],
    division: ["C27"],
    founded: null,
    size: null,
    description: {
      kk: "Юэцин, Лючжэньдегі төменвольтты электр жабдықтары өндірушісі.",
      ru: "Производитель низковольтного электрооборудования из Люши (Юэцин).",
      zh: "乐清柳市的低压电器企业。",
      en: "Low-voltage electrical equipment maker from Liushi, Yueqing.",
    },
    products: [{ hs: "8536", name: "Low-voltage electrical apparatus" }],
    confidence: "single-source",
    sources: ["http://www.baotai007.com/news/1102.html"],
  },
  {
    names: { kk: "Аоканг тобы (Aokang)", ru: "Группа Аоканг (Aokang)", zh: "奥康集团", en: "Aokang Group" },
    original: "奥康集团",
    aliases: ["Aokang", "Аоканг"],
    sectors: ["15.20"],
    division: ["C15"],
    founded: 1988,
    size: "large",
    description: {
      kk: "Былғары аяқ киім өндірушісі; 2006 жылы Қытайдағы ең ірі жеке аяқ киім өндірушісі аталған.",
      ru: "Производитель кожаной обуви; в 2006 году назван крупнейшим частным обувным производителем Китая.",
      zh: "皮鞋制造企业；2006年被称为中国最大的民营制鞋企业。",
      en: "Leather shoes; called China's largest private shoe maker (2006).",
    },
    products: [{ hs: "6403", name: "Leather footwear" }],
    confidence: "verified",
    sources: ["http://91se91.com/global/en/112839.html", "http://91se91.com/global/en/321834.html"],
    note: "Founder Wang Zhentao 王振滔.",
  },
  {
    names: { kk: "Қызыл инелік (Red Dragonfly)", ru: "Красная стрекоза (Red Dragonfly)", zh: "红蜻蜓", en: "Red Dragonfly" },
    original: "红蜻蜓",
    aliases: ["Red Dragonfly", "Hongqingting"],
    sectors: ["15.20", "46.42"],
    division: ["C15", "G46"],
    founded: 1995,
    size: null,
    description: {
      kk: "Былғары аяқ киім; 4 000-нан астам франчайзинг дүкені.",
      ru: "Кожаная обувь; франчайзинговая розничная сеть из более чем 4 000 магазинов.",
      zh: "皮鞋；4000多家加盟零售网点。",
      en: "Leather shoes; franchise retail network of 4,000+ outlets.",
    },
    products: [{ hs: "6403", name: "Leather footwear" }],
    confidence: "verified",
    sources: ["https://www.weekinchina.com/2010/09/if-the-shoe-fits/", "http://91se91.com/global/en/28659.html"],
    note: "Founder Qian Jinbo 钱金波.",
  },
  {
    names: { kk: "Каннай тобы (Kangnai)", ru: "Группа Каннай (Kangnai)", zh: "康奈集团", en: "Kangnai Group" },
    original: "康奈集团",
    aliases: ["Kangnai", "Каннай"],
    sectors: ["15.20"],
    division: ["C15"],
    founded: 1980,
    size: null,
    description: {
      kk: "Былғары аяқ киім өндірушісі.",
      ru: "Производитель кожаной обуви.",
      zh: "皮鞋制造企业。",
      en: "Leather shoe maker.",
    },
    products: [{ hs: "6403", name: "Leather footwear" }],
    confidence: "verified",
    sources: ["http://91se91.com/global/en/589510.html", "http://www.ttav89.com/a/201012/10/WS5a29069da310fcb6fafd3108.html"],
    note: "Founder Zheng Xiukang 郑秀康 (1947–2022).",
  },
  {
    names: { kk: "Семир тобы (Semir)", ru: "Группа Семир (Semir)", zh: "森马集团", en: "Semir Group" },
    original: "森马集团",
    aliases: ["Semir", "Semir Apparel", "森马服饰", "Семир", "Balabala"],
    sectors: ["14.13", "46.42"],
    division: ["C14", "G46"],
    founded: 1996,
    size: null,
    description: {
      kk: "Күнделікті киім; «Balabala» балалар брендi (2002).",
      ru: "Повседневная одежда; детский бренд Balabala (2002).",
      zh: "休闲服饰；童装品牌巴拉巴拉（2002年）。",
      en: "Casual wear; kids' brand Balabala (2002).",
    },
    products: [{ hs: "6203", name: "Casual wear" }],
    confidence: "single-source",
    sources: ["https://www.weekinchina.com/2011/11/wenzhous-richest-man/"],
    note: "Founder Qiu Guanghe 邱光和; founded 1996 with 88 mn CNY.",
  },
  {
    names: { kk: "Цзюйи тобы (Juyi)", ru: "Группа Цзюйи (Juyi)", zh: "巨一集团", en: "Juyi Group" },
    original: "巨一集团",
    aliases: ["Juyi"],
    sectors: ["15.20"],
    division: ["C15"],
    founded: null,
    size: null,
    description: {
      kk: "Аяқ киім; Deichmann-ға 18 жыл бойы жеткізуші.",
      ru: "Обувь; 18 лет поставляет Deichmann.",
      zh: "鞋业；为Deichmann供货18年。",
      en: "Shoes; 18-year supplier to Deichmann.",
    },
    products: [{ hs: "6403", name: "Footwear" }],
    confidence: "single-source",
    sources: ["http://www.annualhp.com/news/201807/24/363647.html"],
  },
];

interface VisitedKind {
  names: Names;
  sectors: string[];
  division: string[];
  products: { hs: string | null; name: string }[];
}

/** facts.json → wenzhou.companies_visited_by_delegation: sectors only, names unknown. */
const VISITED: VisitedKind[] = [
  {
    names: {
      kk: "Вэньчжоулық серпімді мата өндірушісі (атауы жарияланбаған)",
      ru: "Производитель эластичных тканей из Вэньчжоу (название не опубликовано)",
      zh: "温州弹力面料企业（名称未公布）",
      en: "A Wenzhou elastic-fabric maker (name not published)",
    },
    sectors: ["13.20", "13.91"],
    division: ["C13"],
    products: [{ hs: "6004", name: "Elastic knitted fabrics" }],
  },
  {
    names: {
      kk: "Вэньчжоулық джинсы матасы өндірушісі (атауы жарияланбаған)",
      ru: "Производитель денима из Вэньчжоу (название не опубликовано)",
      zh: "温州牛仔布企业（名称未公布）",
      en: "A Wenzhou denim maker (name not published)",
    },
    sectors: ["13.20", "13.30"],
    division: ["C13"],
    products: [{ hs: "5209", name: "Denim" }],
  },
  {
    names: {
      kk: "Вэньчжоулық аралас және мақта иірімжібі өндірушісі (атауы жарияланбаған)",
      ru: "Производитель смесовой и хлопковой пряжи из Вэньчжоу (название не опубликовано)",
      zh: "温州混纺及棉纱企业（名称未公布）",
      en: "A Wenzhou blended and cotton yarn maker (name not published)",
    },
    sectors: ["13.10"],
    division: ["C13"],
    products: [{ hs: "5205", name: "Cotton yarn" }],
  },
  {
    names: {
      kk: "Вэньчжоулық ақылды электрмен жабдықтау компаниясы (атауы жарияланбаған)",
      ru: "Компания умного электроснабжения из Вэньчжоу (название не опубликовано)",
      zh: "温州智能供电企业（名称未公布）",
      en: "A Wenzhou smart power supply company (name not published)",
    },
    sectors: ["27.12", "27.90"],
    division: ["C27"],
    products: [],
  },
  {
    names: {
      kk: "Вэньчжоулық жасыл және көміртегі аз энергетика компаниясы (атауы жарияланбаған)",
      ru: "Компания зелёной низкоуглеродной энергетики из Вэньчжоу (название не опубликовано)",
      zh: "温州绿色低碳能源企业（名称未公布）",
      en: "A Wenzhou green and low-carbon energy company (name not published)",
    },
    sectors: ["35.11"],
    division: ["D35"],
    products: [],
  },
  {
    names: {
      kk: "Вэньчжоулық электр жабдықтары өндірушісі (атауы жарияланбаған)",
      ru: "Производитель электрооборудования из Вэньчжоу (название не опубликовано)",
      zh: "温州电气设备企业（名称未公布）",
      en: "A Wenzhou electrical-equipment maker (name not published)",
    },
    sectors: ["27.12"],
    division: ["C27"],
    products: [],
  },
  {
    names: {
      kk: "Вэньчжоулық жеткізу тізбегін басқару компаниясы (атауы жарияланбаған)",
      ru: "Компания управления цепями поставок из Вэньчжоу (название не опубликовано)",
      zh: "温州供应链管理企业（名称未公布）",
      en: "A Wenzhou supply-chain management company (name not published)",
    },
    sectors: ["52.29"],
    division: ["H52"],
    products: [],
  },
];

interface DemoRequest {
  kind: RequestInput["kind"];
  sectors: string[];
  products: { hs: string | null; name: string }[];
  quantity?: number;
  unit?: string;
  amount?: number;
  currency?: "KZT" | "USD" | "CNY";
  title: Names;
  description: Names;
}

interface Illustrative {
  key: string;
  territory: string;
  names: Names;
  sectors: string[];
  division: string[];
  size: "micro" | "small" | "medium" | "large";
  founded: number;
  markets: string[];
  description: Names;
  products: { hs: string | null; name: string }[];
  requests: DemoRequest[];
}

const ex = { kk: " (мысал)", ru: " (пример)", zh: "（示例）", en: " (illustrative)" };
const illustrativeNames = (kk: string, ru: string, zh: string, en: string): Names => ({
  kk: kk + ex.kk,
  ru: ru + ex.ru,
  zh: zh + ex.zh,
  en: en + ex.en,
});

/** Generated Turkistan enterprises: the value chain from cotton to garments, power and building, logistics. */
const TURKISTAN: Illustrative[] = [
  {
    key: "spinner",
    territory: "turkistan-city",
    names: illustrativeNames("Түркістан иіру фабрикасы", "Туркестанская прядильная фабрика", "突厥斯坦纺纱厂", "Turkistan Spinning Mill"),
    sectors: ["13.10"],
    division: ["C13"],
    size: "medium",
    founded: 2012,
    markets: ["RU", "UZ", "CN"],
    description: {
      kk: "Жергілікті мақтадан мақта иірімжібін иіреді; жылына 6 000 тонна иірімжіп.",
      ru: "Прядение хлопковой пряжи из местного хлопка; 6 000 тонн пряжи в год.",
      zh: "以本地棉花纺制棉纱，年产棉纱6000吨。",
      en: "Spins cotton yarn from local cotton; 6,000 tonnes of yarn a year.",
    },
    products: [{ hs: "5205", name: "Cotton yarn" }],
    requests: [
      {
        kind: "supply",
        sectors: ["13.10"],
        products: [{ hs: "5205", name: "Combed cotton yarn Ne 30" }],
        quantity: 300,
        unit: "t/month",
        title: {
          kk: "Мақта иірімжібін жеткіземіз",
          ru: "Поставляем хлопковую пряжу",
          zh: "供应棉纱",
          en: "Cotton yarn for weavers and knitters",
        },
        description: {
          kk: "Тоқыма және трикотаж фабрикаларына ай сайын 300 тоннаға дейін таралған мақта иірімжібі.",
          ru: "До 300 тонн гребенной хлопковой пряжи в месяц для ткацких и трикотажных фабрик.",
          zh: "每月可向织造和针织厂供应最多300吨精梳棉纱。",
          en: "Up to 300 tonnes a month of combed cotton yarn for weaving and knitting mills.",
        },
      },
      {
        kind: "technology",
        sectors: ["28.94"],
        products: [{ hs: "8445", name: "Spinning machines" }],
        title: {
          kk: "Иіру жабдығын жаңғырту",
          ru: "Модернизация прядильного оборудования",
          zh: "纺纱设备升级",
          en: "Upgrading spinning equipment",
        },
        description: {
          kk: "Ширатылған иірімжіпке арналған заманауи иіру машиналары мен технологиясын іздейміз.",
          ru: "Ищем современные прядильные машины и технологию для компактной пряжи.",
          zh: "寻求紧密纺纱的现代纺纱机及技术。",
          en: "Looking for modern spinning machines and compact-yarn technology.",
        },
      },
    ],
  },
  {
    key: "ginnery",
    territory: "maktaaral-district",
    names: illustrativeNames(
      "Мақтаарал мақта тазарту зауыты",
      "Мактааральский хлопкоочистительный завод",
      "马克塔阿拉尔轧棉厂",
      "Maktaaral Cotton Ginnery",
    ),
    sectors: ["01.63"],
    division: ["A01"],
    size: "medium",
    founded: 2004,
    markets: ["CN", "UZ"],
    description: {
      kk: "Мақтаарал ауданының шитті мақтасын тазартып, мақта талшығын шығарады.",
      ru: "Очистка хлопка-сырца Мактааральского района, выпуск хлопкового волокна.",
      zh: "加工马克塔阿拉尔区的籽棉，生产皮棉。",
      en: "Gins seed cotton from Maktaaral district into cotton lint.",
    },
    products: [{ hs: "5201", name: "Cotton lint" }],
    requests: [
      {
        kind: "supply",
        sectors: ["01.63"],
        products: [{ hs: "5201", name: "Cotton fibre, not carded" }],
        quantity: 2000,
        unit: "t",
        title: { kk: "Мақта талшығын сатамыз", ru: "Продаём хлопковое волокно", zh: "出售皮棉", en: "Cotton lint for spinners" },
        description: {
          kk: "Жаңа өнімнің мақта талшығы, 2 000 тонна, иіру фабрикаларына.",
          ru: "Хлопковое волокно нового урожая, 2 000 тонн, для прядильных фабрик.",
          zh: "新季皮棉2000吨，供纺纱厂。",
          en: "New-crop cotton lint, 2,000 tonnes, for spinning mills.",
        },
      },
    ],
  },
  {
    key: "garments",
    territory: "kentau-city",
    names: illustrativeNames("Кентау тігін фабрикасы", "Кентауская швейная фабрика", "肯套服装厂", "Kentau Garment Factory"),
    sectors: ["14.13"],
    division: ["C14"],
    size: "small",
    founded: 2018,
    markets: ["RU", "KG"],
    description: {
      kk: "Жұмыс және күнделікті киім, джинсы бұйымдарын тігеді.",
      ru: "Пошив рабочей и повседневной одежды, джинсовых изделий.",
      zh: "生产工装、休闲装和牛仔服装。",
      en: "Sews workwear, casual wear and denim garments.",
    },
    products: [{ hs: "6203", name: "Trousers and jackets" }],
    requests: [
      {
        kind: "buy",
        sectors: ["13.20"],
        products: [{ hs: "5209", name: "Denim fabric" }],
        quantity: 200000,
        unit: "m",
        title: {
          kk: "Джинсы матасын сатып аламыз",
          ru: "Купим джинсовую ткань",
          zh: "采购牛仔布",
          en: "Denim and woven cotton fabric wanted",
        },
        description: {
          kk: "Жылына 200 000 метр джинсы және мақта маталары керек, эластикалық маталар да.",
          ru: "Нужно 200 000 метров денима и хлопковых тканей в год, в том числе эластичных.",
          zh: "每年需要20万米牛仔布和棉布，包括弹力面料。",
          en: "We need 200,000 metres a year of denim and woven cotton fabric, elastic fabric too.",
        },
      },
      {
        kind: "contract_manufacturing",
        sectors: ["14.13"],
        products: [{ hs: "6203", name: "Garments" }],
        title: { kk: "Тапсырыс бойынша тігу", ru: "Пошив под заказ", zh: "来料加工/代工", en: "Contract sewing for brands" },
        description: {
          kk: "Брендтер үшін тапсырыс бойынша киім тігуге дайынбыз, айына 40 000 бұйым.",
          ru: "Готовы шить одежду под заказ для брендов, 40 000 изделий в месяц.",
          zh: "可为品牌代工生产服装，每月4万件。",
          en: "We sew garments to order for brands, 40,000 pieces a month.",
        },
      },
    ],
  },
  {
    key: "construction",
    territory: "turkistan-city",
    names: illustrativeNames(
      "Түркістан құрылыс компаниясы",
      "Туркестанская строительная компания",
      "突厥斯坦建筑公司",
      "Turkistan Construction Company",
    ),
    sectors: ["41.20", "43.21"],
    division: ["F41", "F43"],
    size: "medium",
    founded: 2009,
    markets: [],
    description: {
      kk: "Өнеркәсіптік және азаматтық ғимараттар салады, электр монтаждау жұмыстары.",
      ru: "Строительство промышленных и гражданских зданий, электромонтажные работы.",
      zh: "建设工业和民用建筑，电气安装工程。",
      en: "Builds industrial and civil buildings; electrical installation.",
    },
    products: [],
    requests: [
      {
        kind: "buy",
        sectors: ["27.12", "27.32"],
        products: [
          { hs: "8537", name: "Switchgear and distribution boards" },
          { hs: "8544", name: "Power cables" },
        ],
        amount: 1500000,
        currency: "USD",
        title: {
          kk: "Электр жабдықтарын сатып аламыз",
          ru: "Закупаем электрооборудование",
          zh: "采购电气设备",
          en: "Switchgear and cables for an industrial park",
        },
        description: {
          kk: "Индустриялық аймақ нысандарына тарату құрылғылары, автоматты ажыратқыштар және кабель керек.",
          ru: "Нужны распределительные устройства, автоматические выключатели и кабель для объектов индустриальной зоны.",
          zh: "为工业园区项目采购配电设备、断路器和电缆。",
          en: "Distribution boards, circuit breakers and cable for buildings in an industrial zone.",
        },
      },
    ],
  },
  {
    key: "logistics",
    territory: "arys-city",
    names: illustrativeNames("Арыс логистика орталығы", "Арысский логистический центр", "阿雷斯物流中心", "Arys Logistics Centre"),
    sectors: ["49.41", "52.10", "52.29"],
    division: ["H49", "H52"],
    size: "small",
    founded: 2016,
    markets: ["CN", "UZ", "RU"],
    description: {
      kk: "Арыс темір жол торабындағы қойма және жүк тасымалдау, кедендік ресімдеу.",
      ru: "Склады и автоперевозки у железнодорожного узла Арыс, таможенное оформление.",
      zh: "位于阿雷斯铁路枢纽的仓储和公路货运，报关服务。",
      en: "Warehousing and road freight at the Arys rail junction; customs clearance.",
    },
    products: [],
    requests: [
      {
        kind: "distribution",
        sectors: ["52.10", "49.41"],
        products: [],
        title: {
          kk: "Қытайдан жүк жеткізу және сақтау",
          ru: "Доставка и хранение грузов из Китая",
          zh: "中国货物运输与仓储",
          en: "Freight and storage for cargo from China",
        },
        description: {
          kk: "Қытайдан Түркістан облысына жүк жеткізу, қоймада сақтау және тарату.",
          ru: "Доставка грузов из Китая в Туркестанскую область, хранение на складе и дистрибуция.",
          zh: "从中国到突厥斯坦州的货物运输、仓储和配送。",
          en: "Freight from China to Turkistan oblast, warehousing and distribution.",
        },
      },
    ],
  },
  {
    key: "solar",
    territory: "shardara-district",
    names: illustrativeNames(
      "Шардара күн электр станциясы",
      "Шардаринская солнечная электростанция",
      "沙尔达拉太阳能电站",
      "Shardara Solar Developer",
    ),
    sectors: ["35.11"],
    division: ["D35"],
    size: "small",
    founded: 2021,
    markets: [],
    description: {
      kk: "Шардара ауданында 50 МВт күн электр станциясын салуды жоспарлайды.",
      ru: "Планирует построить солнечную электростанцию 50 МВт в Шардаринском районе.",
      zh: "计划在沙尔达拉区建设50兆瓦太阳能电站。",
      en: "Plans a 50 MW solar power plant in Shardara district.",
    },
    products: [],
    requests: [
      {
        kind: "buy",
        sectors: ["26.11", "27.11", "27.12"],
        products: [{ hs: "8541", name: "Photovoltaic modules" }],
        quantity: 50,
        unit: "MW",
        title: {
          kk: "Күн панельдері мен инверторлар",
          ru: "Солнечные панели и инверторы",
          zh: "光伏组件和逆变器",
          en: "Solar modules and inverters for 50 MW",
        },
        description: {
          kk: "50 МВт станцияға фотоэлектрлік модульдер, инверторлар және тарату жабдықтары керек.",
          ru: "Для станции 50 МВт нужны фотоэлектрические модули, инверторы и распределительное оборудование.",
          zh: "50兆瓦电站需要光伏组件、逆变器和配电设备。",
          en: "Photovoltaic modules, inverters and switchgear for a 50 MW plant.",
        },
      },
      {
        kind: "investment_sought",
        sectors: ["35.11"],
        products: [],
        amount: 40000000,
        currency: "USD",
        title: {
          kk: "Күн станциясына инвестор",
          ru: "Инвестор для солнечной станции",
          zh: "太阳能电站寻求投资",
          en: "Investor for a solar plant",
        },
        description: {
          kk: "50 МВт күн электр станциясына серіктес-инвестор іздейміз.",
          ru: "Ищем партнёра-инвестора для солнечной электростанции 50 МВт.",
          zh: "为50兆瓦太阳能电站寻找投资合作伙伴。",
          en: "Looking for an investing partner for a 50 MW solar power plant.",
        },
      },
    ],
  },
  {
    key: "cotton",
    territory: "zhetisai-district",
    names: illustrativeNames("Жетісай мақта шаруашылығы", "Жетысайское хлопковое хозяйство", "热特赛棉花农场", "Zhetisai Cotton Farm"),
    sectors: ["01.16"],
    division: ["A01"],
    size: "small",
    founded: 2001,
    markets: [],
    description: {
      kk: "Суармалы жерде мақта өсіреді, 3 000 гектар.",
      ru: "Выращивание хлопка на орошаемых землях, 3 000 гектаров.",
      zh: "在3000公顷灌溉地上种植棉花。",
      en: "Grows cotton on 3,000 hectares of irrigated land.",
    },
    products: [{ hs: "5201", name: "Raw cotton" }],
    requests: [
      {
        kind: "joint_venture",
        sectors: ["01.16", "13.10"],
        products: [],
        title: {
          kk: "Мақта өңдеу бойынша бірлескен кәсіпорын",
          ru: "Совместное предприятие по переработке хлопка",
          zh: "棉花加工合资",
          en: "Joint venture to process cotton",
        },
        description: {
          kk: "Мақтаны иірімжіпке дейін өңдейтін бірлескен кәсіпорынға серіктес іздейміз.",
          ru: "Ищем партнёра для совместного предприятия по переработке хлопка в пряжу.",
          zh: "寻求合作伙伴成立合资企业，将棉花加工成纱线。",
          en: "Looking for a partner for a joint venture turning cotton into yarn.",
        },
      },
    ],
  },
  {
    key: "footwear",
    territory: "sayram-district",
    names: illustrativeNames("Сайрам аяқ киім цехы", "Сайрамский обувной цех", "赛拉姆鞋厂", "Sayram Footwear Workshop"),
    sectors: ["15.20"],
    division: ["C15"],
    size: "micro",
    founded: 2019,
    markets: ["KG"],
    description: {
      kk: "Былғары аяқ киім тігетін шағын цех.",
      ru: "Небольшой цех по пошиву кожаной обуви.",
      zh: "小型皮鞋生产车间。",
      en: "A small workshop making leather shoes.",
    },
    products: [{ hs: "6403", name: "Leather shoes" }],
    requests: [
      {
        kind: "technology",
        sectors: ["15.20", "28.94"],
        products: [],
        title: {
          kk: "Аяқ киім технологиясы",
          ru: "Технология производства обуви",
          zh: "制鞋技术",
          en: "Footwear technology and a brand partner",
        },
        description: {
          kk: "Аяқ киім өндірісінің технологиясы мен жабдығын, бренд серіктесін іздейміз.",
          ru: "Ищем технологию и оборудование для производства обуви, партнёра-бренд.",
          zh: "寻求制鞋技术、设备和品牌合作伙伴。",
          en: "Looking for shoe-making technology, equipment and a brand partner.",
        },
      },
    ],
  },
];

/** Loads the directory's demo; organisations the cooperation demo already made are reused. */
export async function seedEnterprisesDemo(services: Services, today = new Date()): Promise<Record<string, number>> {
  const { cooperation, enterprises } = services;
  const actor = SYSTEM_ACTOR;
  const existing = await cooperation.listOrganisations();
  const byName = new Map<string, number>();
  for (const o of existing) {
    for (const n of [o.nameOriginal, o.name.en, o.name.zh]) if (n) byName.set(n, o.id);
  }
  const organisation = async (input: OrganisationInput) => {
    const found = byName.get(input.nameOriginal ?? "") ?? byName.get(input.name.en);
    return found ?? (await cooperation.saveOrganisation(actor, input)).id;
  };
  const validUntil = new Date(today.getTime() + 180 * DAY).toISOString().slice(0, 10);
  let profiles = 0;
  let requests = 0;

  for (const k of KNOWN) {
    const id = await organisation({
      kind: "company",
      name: k.names,
      nameOriginal: k.original,
      territorySlug: "wenzhou",
      country: "CN",
      sectors: k.division,
      aliases: k.aliases.map((alias) => ({ alias })),
      confidence: k.confidence,
      sources: k.sources,
      note: k.note ?? null,
    });
    const profile: ProfileInput = {
      sizeBand: k.size,
      yearFounded: k.founded,
      description: k.description,
      translations: { zh: "original", en: "human", ru: "human", kk: "human" },
      sectors: k.sectors,
      products: k.products,
    };
    await enterprises.saveProfile(actor, id, profile);
    profiles++;
  }

  for (const v of VISITED) {
    const id = await organisation({
      kind: "company",
      name: v.names,
      nameOriginal: null,
      territorySlug: "wenzhou",
      country: "CN",
      sectors: v.division,
      confidence: "unverified",
      sources: [ARTICLE],
      note: NOT_PUBLISHED,
    });
    await enterprises.saveProfile(actor, id, { sectors: v.sectors, products: v.products });
    profiles++;
  }

  for (const e of TURKISTAN) {
    const id = await organisation({
      kind: "company",
      name: e.names,
      nameOriginal: e.names.kk,
      territorySlug: e.territory,
      country: "KZ",
      sectors: e.division,
      confidence: "estimated",
      sources: ["Generated for the Jibek demo: not a real enterprise"],
      note: "Illustrative record generated for the demo.",
      illustrative: true,
    });
    await enterprises.saveProfile(actor, id, {
      sizeBand: e.size,
      yearFounded: e.founded,
      description: e.description,
      translations: { kk: "original", ru: "human", zh: "machine", en: "human" },
      sectors: e.sectors,
      products: e.products,
      exportMarkets: e.markets,
      contacts: { person: null, email: `${e.key}@example.kz`, phone: "+7 7252 00 00 00", address: null },
    });
    profiles++;
    for (const r of e.requests) {
      await enterprises.createRequest(actor, id, {
        kind: r.kind,
        sectors: r.sectors,
        products: r.products,
        quantity: r.quantity ?? null,
        unit: r.unit ?? null,
        amount: r.amount ?? null,
        currency: r.currency ?? null,
        title: r.title,
        description: r.description,
        validUntil,
        submit: true,
      });
      requests++;
    }
  }
  return { enterprises: profiles, enterpriseRequests: requests };
}
