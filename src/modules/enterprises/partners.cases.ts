import type { Localized } from "./nace.ts";
import type { PartnerProfile, PartnerRequest, RequestKind, Side } from "./partners.model.ts";
import { buildTextKeys } from "./partners.rules.ts";

/**
 * A fixed set of enterprises of both regions and the hand-made matching cases over them (issue 6
 * proof: "at least 10 hand-made matching cases with the counterpart that must rank first").
 * Plain data, so the backend can replay the same cases through the database and the API on both
 * dialects: insert the fixtures (codes are stable, ids are suggestions), run each case, compare
 * codes. These are test fixtures, not demo data: no real company is named.
 */

export interface FixtureRequest {
  /** Stable within the fixtures; also the suggested id. */
  id: number;
  kind: RequestKind;
  sectors: string[];
  products: string[];
  validUntil: string | null;
  text: Localized;
}

export interface FixtureEnterprise {
  code: string;
  /** Suggested id; PartnerProfile.id in the pure cases. */
  id: number;
  side: Side;
  /** A territory slug of the reference data. */
  territory: string;
  name: Localized;
  /** The name in its original script, as the enterprise writes it. */
  originalName: string;
  description: Localized;
  sectors: string[];
  products: string[];
  exportMarkets: string[];
  sizeBand: string | null;
  requests: FixtureRequest[];
}

/** The day the cases are evaluated on: requests valid until before it are expired. */
export const CASES_TODAY = "2026-11-26";

function t(en: string, ru: string, kk: string, zh: string): Localized {
  return { kk, ru, zh, en };
}

export const FIXTURE_ENTERPRISES: readonly FixtureEnterprise[] = [
  // Turkistan oblast (home)
  {
    code: "kz-spinner",
    id: 101,
    side: "home",
    territory: "turkistan-city",
    name: t("Turkistan cotton-yarn spinning mill", "Туркестанская прядильная фабрика", "Түркістан иіру фабрикасы", "突厥斯坦棉纺厂"),
    originalName: "Түркістан иіру фабрикасы",
    description: t(
      "Spins carded and combed cotton yarn from Maktaaral cotton.",
      "Производит кардную и гребенную хлопчатобумажную пряжу из мактааральского хлопка.",
      "Мақтаарал мақтасынан тараған және кардты мақта жібін иіреді.",
      "以马克塔阿拉尔棉花纺制普梳和精梳棉纱。",
    ),
    sectors: ["13.10"],
    products: ["5205"],
    exportMarkets: ["RU", "CN", "TR"],
    sizeBand: "medium",
    requests: [
      {
        id: 1011,
        kind: "supply",
        sectors: ["13.10"],
        products: ["5205"],
        validUntil: "2027-03-31",
        text: t(
          "Cotton yarn Ne 20–30, 300 tonnes a month",
          "Хлопчатобумажная пряжа Ne 20–30, 300 тонн в месяц",
          "Мақта жібі Ne 20–30, айына 300 тонна",
          "棉纱 Ne 20–30，每月300吨",
        ),
      },
      {
        id: 1012,
        kind: "technology",
        sectors: ["13.10"],
        products: [],
        validUntil: "2027-06-30",
        text: t(
          "Compact spinning know-how to modernise the mill",
          "Технология компактного прядения для модернизации фабрики",
          "Фабриканы жаңғыртуға арналған ықшам иіру технологиясы",
          "用于工厂改造的紧密纺技术",
        ),
      },
    ],
  },
  {
    code: "kz-ginnery",
    id: 102,
    side: "home",
    territory: "maktaaral-district",
    name: t("Maktaaral cotton ginnery", "Мактааральский хлопкоочистительный завод", "Мақтаарал мақта тазалау зауыты", "马克塔阿拉尔轧花厂"),
    originalName: "Мақтаарал мақта тазалау зауыты",
    description: t(
      "Gins seed cotton into fibre and cottonseed.",
      "Перерабатывает хлопок-сырец в волокно и семена.",
      "Шитті мақтаны талшық пен тұқымға өңдейді.",
      "将籽棉加工成皮棉和棉籽。",
    ),
    sectors: ["01.63"],
    products: ["5201"],
    exportMarkets: ["CN"],
    sizeBand: "medium",
    requests: [
      {
        id: 1021,
        kind: "supply",
        sectors: ["01.63"],
        products: ["5201"],
        validUntil: "2027-02-28",
        text: t("Ginned cotton fibre, 5,000 tonnes", "Хлопковое волокно, 5 000 тонн", "Мақта талшығы, 5 000 тонна", "皮棉5000吨"),
      },
      {
        id: 1022,
        kind: "buy",
        sectors: ["28.94"],
        products: ["844519"],
        validUntil: "2027-05-31",
        text: t(
          "Saw gins and lint cleaners for a new line",
          "Пильные джины и волокноочистители для новой линии",
          "Жаңа желіге арналған мақта тазалау машиналары",
          "新生产线用锯齿轧花机和皮棉清理机",
        ),
      },
    ],
  },
  {
    code: "kz-cotton-farm",
    id: 103,
    side: "home",
    territory: "zhetisai-district",
    name: t(
      "Zhetisai cotton growers' cooperative",
      "Жетысайский кооператив хлопкоробов",
      "Жетісай мақта өсірушілер кооперативі",
      "热特赛棉农合作社",
    ),
    originalName: "Жетісай мақта өсірушілер кооперативі",
    description: t(
      "Grows cotton on 4,000 ha of irrigated land.",
      "Выращивает хлопок на 4 000 га орошаемых земель.",
      "4 000 га суармалы жерде мақта өсіреді.",
      "在4000公顷灌溉土地上种植棉花。",
    ),
    sectors: ["01.16"],
    products: ["5201"],
    exportMarkets: [],
    sizeBand: "small",
    requests: [
      {
        id: 1031,
        kind: "investment_sought",
        sectors: ["01.16"],
        products: [],
        validUntil: "2027-12-31",
        text: t(
          "Investment in drip irrigation for 2,000 ha of cotton",
          "Инвестиции в капельное орошение 2 000 га хлопка",
          "2 000 га мақтаны тамшылатып суаруға инвестиция",
          "为2000公顷棉田滴灌寻求投资",
        ),
      },
    ],
  },
  {
    code: "kz-denim-mill",
    id: 104,
    side: "home",
    territory: "turkistan-city",
    name: t("Turan SEZ denim mill", "Денимная фабрика СЭЗ «Туран»", "«Тұран» АЭА деним фабрикасы", "图兰经济特区牛仔布厂"),
    originalName: "«Тұран» АЭА деним фабрикасы",
    description: t(
      "Weaves and dyes denim fabric from local cotton yarn.",
      "Ткёт и красит деним из местной хлопковой пряжи.",
      "Жергілікті мақта жібінен деним мата тоқып, бояйды.",
      "以本地棉纱织造和染色牛仔布。",
    ),
    sectors: ["13.20", "13.30"],
    products: ["5209"],
    exportMarkets: ["RU", "KG", "TR"],
    sizeBand: "large",
    requests: [
      {
        id: 1041,
        kind: "buy",
        sectors: ["20.12"],
        products: ["320415"],
        validUntil: "2027-04-30",
        text: t("Indigo dye for denim", "Краситель индиго для денима", "Деним бояуға арналған индиго бояғышы", "牛仔布用靛蓝染料"),
      },
      {
        id: 1042,
        kind: "supply",
        sectors: ["13.20"],
        products: ["5209"],
        validUntil: "2027-04-30",
        text: t("Denim fabric 10–14 oz", "Деним 10–14 унций", "Деним мата 10–14 унция", "10–14盎司牛仔布"),
      },
      {
        id: 1043,
        kind: "buy",
        sectors: ["20.60"],
        products: ["540244"],
        validUntil: "2027-01-31",
        text: t(
          "Elastane (spandex) yarn for stretch denim",
          "Эластановая нить (спандекс) для стрейч-денима",
          "Стрейч-деним үшін эластан (спандекс) жібі",
          "弹力牛仔布用氨纶丝",
        ),
      },
    ],
  },
  {
    code: "kz-garment",
    id: 105,
    side: "home",
    territory: "sayram-district",
    name: t("Sairam jeans factory", "Сайрамская швейная фабрика джинсов", "Сайрам джинсы тігу фабрикасы", "赛拉姆牛仔服装厂"),
    originalName: "Сайрам джинсы тігу фабрикасы",
    description: t(
      "Sews jeans and denim jackets, 600 sewing machines.",
      "Шьёт джинсы и джинсовые куртки, 600 швейных машин.",
      "Джинсы шалбар мен күртелер тігеді, 600 тігін машинасы.",
      "缝制牛仔裤和牛仔夹克，拥有600台缝纫机。",
    ),
    sectors: ["14.13"],
    products: ["6203", "6204"],
    exportMarkets: ["RU", "KG"],
    sizeBand: "medium",
    requests: [
      {
        id: 1051,
        kind: "buy",
        sectors: ["13.20"],
        products: ["5209"],
        validUntil: "2027-03-31",
        text: t(
          "Stretch denim fabric, 200,000 metres a year",
          "Стрейч-деним, 200 000 метров в год",
          "Стрейч-деним мата, жылына 200 000 метр",
          "弹力牛仔布，每年20万米",
        ),
      },
      {
        id: 1052,
        kind: "contract_manufacturing",
        sectors: ["14.13"],
        products: ["6203"],
        validUntil: "2027-06-30",
        text: t(
          "Sewing jeans to order, 50,000 pieces a month",
          "Пошив джинсов на заказ, 50 000 штук в месяц",
          "Тапсырыс бойынша джинсы тігу, айына 50 000 дана",
          "承接牛仔裤代工，每月5万件",
        ),
      },
    ],
  },
  {
    code: "kz-switchgear",
    id: 106,
    side: "home",
    territory: "kentau-city",
    name: t(
      "Kentau switchgear plant",
      "Кентауский завод распределительных устройств",
      "Кентау тарату құрылғылары зауыты",
      "肯套配电设备厂",
    ),
    originalName: "Кентау тарату құрылғылары зауыты",
    description: t(
      "Assembles low-voltage switchboards and distribution boxes.",
      "Собирает низковольтные распределительные щиты и шкафы.",
      "Төмен вольтты тарату қалқандары мен шкафтарын құрастырады.",
      "组装低压配电柜和配电箱。",
    ),
    sectors: ["27.12"],
    products: ["8537"],
    exportMarkets: ["UZ", "KG"],
    sizeBand: "medium",
    requests: [
      {
        id: 1061,
        kind: "joint_venture",
        sectors: ["27.12"],
        products: ["8537"],
        validUntil: "2027-09-30",
        text: t(
          "Joint venture to make low-voltage switchgear in Kentau",
          "Совместное предприятие по выпуску низковольтной аппаратуры в Кентау",
          "Кентауда төмен вольтты аппаратура шығаратын бірлескен кәсіпорын",
          "在肯套合资生产低压开关设备",
        ),
      },
    ],
  },
  {
    code: "kz-solar",
    id: 107,
    side: "home",
    territory: "otrar-district",
    name: t(
      "Otrar solar park developer",
      "Девелопер солнечного парка «Отырар»",
      "«Отырар» күн паркінің әзірлеушісі",
      "奥特拉尔光伏园区开发商",
    ),
    originalName: "«Отырар» күн паркі",
    description: t(
      "Develops a 300 MW solar power plant.",
      "Строит солнечную электростанцию мощностью 300 МВт.",
      "Қуаты 300 МВт күн электр станциясын салады.",
      "开发300兆瓦光伏电站。",
    ),
    sectors: ["35.11"],
    products: ["2716"],
    exportMarkets: [],
    sizeBand: "large",
    requests: [
      {
        id: 1071,
        kind: "buy",
        sectors: ["26.11"],
        products: ["854143"],
        validUntil: "2027-06-30",
        text: t("Photovoltaic modules, 300 MW", "Фотоэлектрические модули, 300 МВт", "Фотоэлектрлік модульдер, 300 МВт", "光伏组件300兆瓦"),
      },
      {
        id: 1072,
        kind: "buy",
        sectors: ["27.11"],
        products: ["8504"],
        validUntil: "2027-06-30",
        text: t(
          "Step-up transformers 35/220 kV",
          "Повышающие трансформаторы 35/220 кВ",
          "Жоғарылатқыш трансформаторлар 35/220 кВ",
          "35/220千伏升压变压器",
        ),
      },
      {
        id: 1073,
        kind: "investment_sought",
        sectors: ["35.11"],
        products: [],
        validUntil: "2027-12-31",
        text: t(
          "Equity partner for a 300 MW solar plant",
          "Партнёр-инвестор для солнечной станции 300 МВт",
          "300 МВт күн станциясына инвестор серіктес",
          "为300兆瓦光伏电站寻求股权投资伙伴",
        ),
      },
    ],
  },
  {
    code: "kz-builder",
    id: 108,
    side: "home",
    territory: "turkistan-city",
    name: t(
      "Turkistan power grid builder",
      "Туркестанская электросетевая строительная компания",
      "Түркістан электр желілерін салу компаниясы",
      "突厥斯坦电网建设公司",
    ),
    originalName: "Түркістан электр желілерін салу компаниясы",
    description: t(
      "Builds power lines, substations and solar plant grid connections.",
      "Строит ЛЭП, подстанции и присоединения солнечных станций к сети.",
      "Электр желілерін, қосалқы станцияларды және күн станцияларын желіге қосуды салады.",
      "承建输电线路、变电站和光伏电站并网工程。",
    ),
    sectors: ["42.22"],
    products: [],
    exportMarkets: [],
    sizeBand: "medium",
    requests: [
      {
        id: 1081,
        kind: "buy",
        sectors: ["27.32"],
        products: ["8544"],
        validUntil: "2027-03-31",
        text: t("Power cables 10–35 kV", "Силовые кабели 10–35 кВ", "10–35 кВ күштік кабельдер", "10–35千伏电力电缆"),
      },
    ],
  },
  {
    code: "kz-logistics",
    id: 109,
    side: "home",
    territory: "turkistan-city",
    name: t("Silk Road Trucking", "«Жібек жолы» автоперевозки", "«Жібек жолы» жүк тасымалы", "丝路公路货运"),
    originalName: "«Жібек жолы» жүк тасымалы",
    description: t(
      "Road freight and a bonded warehouse on the Turkistan–Khorgos route.",
      "Автомобильные грузоперевозки и таможенный склад на маршруте Туркестан — Хоргос.",
      "Түркістан — Қорғас бағытында жүк тасымалы және кеден қоймасы.",
      "突厥斯坦—霍尔果斯线路公路货运及保税仓库。",
    ),
    sectors: ["49.41", "52.10"],
    products: [],
    exportMarkets: ["CN", "UZ"],
    sizeBand: "small",
    requests: [
      {
        id: 1091,
        kind: "supply",
        sectors: ["49.41"],
        products: [],
        validUntil: "2027-12-31",
        text: t(
          "Road freight Turkistan–Khorgos–Urumqi, 40 trucks",
          "Грузоперевозки Туркестан — Хоргос — Урумчи, 40 грузовиков",
          "Түркістан — Қорғас — Үрімші жүк тасымалы, 40 жүк көлігі",
          "突厥斯坦—霍尔果斯—乌鲁木齐公路货运，40辆卡车",
        ),
      },
    ],
  },
  {
    code: "kz-shoes",
    id: 110,
    side: "home",
    territory: "arys-city",
    name: t("Arys shoe factory", "Арысская обувная фабрика", "Арыс аяқ киім фабрикасы", "阿雷斯鞋厂"),
    originalName: "Арыс аяқ киім фабрикасы",
    description: t(
      "Makes men's leather shoes and boots.",
      "Шьёт мужскую кожаную обувь.",
      "Ерлерге арналған былғары аяқ киім тігеді.",
      "生产男式皮鞋和皮靴。",
    ),
    sectors: ["15.20"],
    products: ["6403"],
    exportMarkets: ["KG"],
    sizeBand: "small",
    requests: [
      {
        id: 1101,
        kind: "buy",
        sectors: ["15.11"],
        products: ["4107"],
        validUntil: "2027-02-28",
        text: t(
          "Finished leather for shoe uppers",
          "Готовая кожа для верха обуви",
          "Аяқ киімнің сыртына арналған дайын былғары",
          "鞋面用成品革",
        ),
      },
    ],
  },
  {
    code: "kz-meat",
    id: 111,
    side: "home",
    territory: "ordabasy-district",
    name: t("Ordabasy meat plant", "Ордабасинский мясокомбинат", "Ордабасы ет комбинаты", "奥尔达巴瑟肉联厂"),
    originalName: "Ордабасы ет комбинаты",
    description: t(
      "Slaughters and processes lamb and beef; sells salted skins.",
      "Убой и переработка баранины и говядины; продаёт солёные шкуры.",
      "Қой және сиыр етін сояды және өңдейді; тұздалған тері сатады.",
      "屠宰加工羊肉和牛肉，出售盐渍羊皮。",
    ),
    sectors: ["10.11"],
    products: ["0204", "4102"],
    exportMarkets: ["UZ"],
    sizeBand: "medium",
    requests: [
      {
        id: 1111,
        kind: "supply",
        sectors: ["10.11"],
        products: ["4102"],
        validUntil: "2027-05-31",
        text: t(
          "Salted sheep skins, 20,000 a month",
          "Солёные овечьи шкуры, 20 000 в месяц",
          "Тұздалған қой терілері, айына 20 000",
          "盐渍羊皮，每月2万张",
        ),
      },
    ],
  },
  {
    code: "kz-apparel-distributor",
    id: 112,
    side: "home",
    territory: "turkistan-city",
    name: t("Turkistan Apparel Trade", "«Туркестан Аппарел Трейд»", "«Түркістан Аппарел Трейд»", "突厥斯坦服装贸易公司"),
    originalName: "«Түркістан Аппарел Трейд»",
    description: t(
      "Wholesale of clothing and footwear to 120 shops in the south.",
      "Оптовая торговля одеждой и обувью, 120 магазинов на юге.",
      "Оңтүстіктегі 120 дүкенге киім мен аяқ киімді көтерме сату.",
      "向南部120家商店批发服装和鞋类。",
    ),
    sectors: ["46.42"],
    products: ["6203", "6403"],
    exportMarkets: [],
    sizeBand: "small",
    requests: [
      {
        id: 1121,
        kind: "distribution",
        sectors: ["14.13", "15.20"],
        products: ["6203", "6403"],
        validUntil: "2027-08-31",
        text: t(
          "Exclusive distribution of shoes and clothing in Turkistan region",
          "Эксклюзивная дистрибуция обуви и одежды в Туркестанской области",
          "Түркістан облысында аяқ киім мен киімнің эксклюзивті дистрибуциясы",
          "在突厥斯坦州独家分销鞋类和服装",
        ),
      },
    ],
  },
  {
    code: "kz-cement",
    id: 113,
    side: "home",
    territory: "tulkibas-district",
    name: t("Tulkibas cement works", "Тюлькубасский цементный завод", "Түлкібас цемент зауыты", "图尔基巴斯水泥厂"),
    originalName: "Түлкібас цемент зауыты",
    description: t(
      "Portland cement, 1 million tonnes a year.",
      "Портландцемент, 1 млн тонн в год.",
      "Портландцемент, жылына 1 млн тонна.",
      "硅酸盐水泥，年产100万吨。",
    ),
    sectors: ["23.51"],
    products: ["2523"],
    exportMarkets: ["UZ"],
    sizeBand: "large",
    requests: [
      {
        id: 1131,
        kind: "supply",
        sectors: ["23.51"],
        products: ["2523"],
        validUntil: "2027-12-31",
        text: t(
          "Portland cement in bags and bulk",
          "Портландцемент в мешках и навалом",
          "Қаптағы және үйме портландцемент",
          "袋装及散装硅酸盐水泥",
        ),
      },
    ],
  },
  {
    code: "kz-knitter",
    id: 114,
    side: "home",
    territory: "kentau-city",
    name: t("Kentau knitting mill", "Кентауская трикотажная фабрика", "Кентау трикотаж фабрикасы", "肯套针织厂"),
    originalName: "Кентау трикотаж фабрикасы",
    description: t(
      "Knits cotton jersey fabric.",
      "Вяжет хлопковое трикотажное полотно.",
      "Мақта трикотаж кенеп тоқиды.",
      "织造棉针织面料。",
    ),
    sectors: ["13.91"],
    products: ["6006"],
    exportMarkets: ["RU"],
    sizeBand: "small",
    requests: [
      {
        id: 1141,
        kind: "buy",
        sectors: ["20.60"],
        products: ["540244"],
        validUntil: "2026-01-31",
        text: t("Elastane yarn for jersey", "Эластановая нить для трикотажа", "Трикотажға арналған эластан жібі", "针织用氨纶丝"),
      },
    ],
  },
  {
    code: "kz-melon-farm",
    id: 115,
    side: "home",
    territory: "shardara-district",
    name: t("Shardara melon farm", "Шардаринское бахчевое хозяйство", "Шардара бақша шаруашылығы", "沙尔达拉瓜园"),
    originalName: "Шардара бақша шаруашылығы",
    description: t("Grows melons and watermelons.", "Выращивает дыни и арбузы.", "Қауын мен қарбыз өсіреді.", "种植甜瓜和西瓜。"),
    sectors: ["01.13"],
    products: ["0807"],
    exportMarkets: ["RU"],
    sizeBand: "small",
    requests: [
      {
        id: 1151,
        kind: "supply",
        sectors: ["01.13"],
        products: ["0807"],
        validUntil: "2027-09-30",
        text: t(
          "Fresh melons, 3,000 tonnes a season",
          "Свежие дыни, 3 000 тонн за сезон",
          "Жаңа піскен қауын, маусымына 3 000 тонна",
          "新鲜甜瓜，每季3000吨",
        ),
      },
    ],
  },

  // Wenzhou and Zhejiang (partner)
  {
    code: "cn-elastic-fabric",
    id: 201,
    side: "partner",
    territory: "wenzhou",
    name: t(
      "Wenzhou elastic-fabric maker",
      "Вэньчжоуский производитель эластичных тканей",
      "Вэньчжоу серпімді мата өндірушісі",
      "温州弹力面料厂",
    ),
    originalName: "温州弹力面料厂",
    description: t(
      "Knits and weaves elastic fabrics with spandex for sportswear and denim.",
      "Вяжет и ткёт эластичные ткани со спандексом для спортивной одежды и денима.",
      "Спорттық киім мен деним үшін спандексі бар серпімді маталар тоқиды.",
      "生产含氨纶的弹力面料，用于运动服和牛仔布。",
    ),
    sectors: ["13.96", "13.91"],
    products: ["6004"],
    exportMarkets: ["RU", "TR", "VN"],
    sizeBand: "medium",
    requests: [
      {
        id: 2011,
        kind: "buy",
        sectors: ["13.10"],
        products: ["5205"],
        validUntil: "2027-03-31",
        text: t(
          "Cotton yarn for elastic fabrics, 200 tonnes a month",
          "Хлопковая пряжа для эластичных тканей, 200 тонн в месяц",
          "Серпімді маталарға арналған мақта жібі, айына 200 тонна",
          "采购棉纱用于弹力面料，每月200吨",
        ),
      },
      {
        id: 2012,
        kind: "supply",
        sectors: ["13.96"],
        products: ["6004"],
        validUntil: "2027-03-31",
        text: t("Elastic fabrics", "Эластичные ткани", "Серпімді маталар", "弹力面料"),
      },
    ],
  },
  {
    code: "cn-denim",
    id: 202,
    side: "partner",
    territory: "wenzhou",
    name: t("Wenzhou denim weaver", "Вэньчжоуская денимная фабрика", "Вэньчжоу деним фабрикасы", "温州牛仔布织造厂"),
    originalName: "温州牛仔布织造厂",
    description: t(
      "Weaves stretch and rigid denim fabric.",
      "Ткёт эластичный и классический деним.",
      "Серпімді және классикалық деним тоқиды.",
      "织造弹力及常规牛仔布。",
    ),
    sectors: ["13.20"],
    products: ["5209"],
    exportMarkets: ["RU", "BD"],
    sizeBand: "large",
    requests: [
      {
        id: 2021,
        kind: "supply",
        sectors: ["13.20"],
        products: ["5209"],
        validUntil: "2027-06-30",
        text: t("Stretch denim fabric", "Стрейч-деним", "Стрейч-деним мата", "弹力牛仔布"),
      },
      {
        id: 2022,
        kind: "joint_venture",
        sectors: ["13.20"],
        products: [],
        validUntil: "2027-12-31",
        text: t(
          "Joint venture for a denim plant in a Turkistan SEZ",
          "Совместное предприятие: денимная фабрика в СЭЗ Туркестана",
          "Түркістан АЭА-да деним фабрикасын салуға бірлескен кәсіпорын",
          "在突厥斯坦经济特区合资建设牛仔布厂",
        ),
      },
    ],
  },
  {
    code: "cn-switchgear",
    id: 203,
    side: "partner",
    territory: "wenzhou",
    name: t(
      "Yueqing low-voltage switchgear maker",
      "Юэцинский производитель низковольтной аппаратуры",
      "Юэцин төмен вольтты аппаратура өндірушісі",
      "乐清低压电器厂",
    ),
    originalName: "乐清低压电器厂",
    description: t(
      "Circuit breakers, contactors and switchboards.",
      "Автоматические выключатели, контакторы и распределительные щиты.",
      "Автоматты ажыратқыштар, контакторлар және тарату қалқандары.",
      "生产断路器、接触器和配电柜。",
    ),
    sectors: ["27.12"],
    products: ["8536", "8537"],
    exportMarkets: ["RU", "UZ", "KZ"],
    sizeBand: "large",
    requests: [
      {
        id: 2031,
        kind: "technology",
        sectors: ["27.12"],
        products: ["8537"],
        validUntil: "2027-12-31",
        text: t(
          "Licence and assembly kits for low-voltage switchgear",
          "Лицензия и сборочные комплекты низковольтной аппаратуры",
          "Төмен вольтты аппаратураға лицензия және құрастыру жинақтары",
          "低压开关设备技术许可及散件组装",
        ),
      },
      {
        id: 2032,
        kind: "supply",
        sectors: ["27.12"],
        products: ["8536"],
        validUntil: "2027-12-31",
        text: t(
          "Circuit breakers and contactors",
          "Автоматические выключатели и контакторы",
          "Автоматты ажыратқыштар мен контакторлар",
          "断路器和接触器",
        ),
      },
    ],
  },
  {
    code: "cn-transformer",
    id: 204,
    side: "partner",
    territory: "zhejiang",
    name: t("Zhejiang transformer works", "Чжэцзянский трансформаторный завод", "Чжэцзян трансформатор зауыты", "浙江变压器厂"),
    originalName: "浙江变压器厂",
    description: t(
      "Power transformers up to 220 kV.",
      "Силовые трансформаторы до 220 кВ.",
      "220 кВ-ға дейінгі күштік трансформаторлар.",
      "220千伏及以下电力变压器。",
    ),
    sectors: ["27.11"],
    products: ["8504"],
    exportMarkets: ["UZ", "KZ"],
    sizeBand: "large",
    requests: [
      {
        id: 2041,
        kind: "supply",
        sectors: ["27.11"],
        products: ["8504"],
        validUntil: "2027-12-31",
        text: t(
          "Power transformers for solar plants",
          "Силовые трансформаторы для солнечных станций",
          "Күн станцияларына арналған күштік трансформаторлар",
          "光伏电站用电力变压器",
        ),
      },
    ],
  },
  {
    code: "cn-cable",
    id: 205,
    side: "partner",
    territory: "wenzhou",
    name: t("Wenzhou cable maker", "Вэньчжоуский кабельный завод", "Вэньчжоу кабель зауыты", "温州电缆厂"),
    originalName: "温州电缆厂",
    description: t("Power and control cables.", "Силовые и контрольные кабели.", "Күштік және бақылау кабельдері.", "电力电缆和控制电缆。"),
    sectors: ["27.32"],
    products: ["8544"],
    exportMarkets: ["KZ", "UZ"],
    sizeBand: "medium",
    requests: [
      {
        id: 2051,
        kind: "supply",
        sectors: ["27.32"],
        products: ["854460"],
        validUntil: "2027-12-31",
        text: t("Power cables 10–35 kV", "Силовые кабели 10–35 кВ", "10–35 кВ күштік кабельдер", "10–35千伏电力电缆"),
      },
    ],
  },
  {
    code: "cn-pv",
    id: 206,
    side: "partner",
    territory: "zhejiang",
    name: t(
      "Zhejiang PV module maker",
      "Чжэцзянский производитель солнечных модулей",
      "Чжэцзян күн модульдерін өндіруші",
      "浙江光伏组件厂",
    ),
    originalName: "浙江光伏组件厂",
    description: t(
      "Monocrystalline photovoltaic cells and modules.",
      "Монокристаллические фотоэлементы и солнечные модули.",
      "Монокристалды фотоэлементтер мен күн модульдері.",
      "单晶光伏电池及组件。",
    ),
    sectors: ["26.11"],
    products: ["854143"],
    exportMarkets: ["UZ", "PK"],
    sizeBand: "large",
    requests: [
      {
        id: 2061,
        kind: "supply",
        sectors: ["26.11"],
        products: ["854143"],
        validUntil: "2027-06-30",
        text: t("PV modules 550 W", "Солнечные модули 550 Вт", "550 Вт күн модульдері", "550瓦光伏组件"),
      },
    ],
  },
  {
    code: "cn-epc",
    id: 207,
    side: "partner",
    territory: "zhejiang",
    name: t(
      "Zhejiang power EPC contractor",
      "Чжэцзянский EPC-подрядчик энергетических объектов",
      "Чжэцзян энергетика нысандарының EPC мердігері",
      "浙江电力工程总承包公司",
    ),
    originalName: "浙江电力工程总承包公司",
    description: t(
      "Builds and co-invests in solar plants and substations abroad.",
      "Строит солнечные станции и подстанции за рубежом и вкладывает в них средства.",
      "Шетелде күн станциялары мен қосалқы станцияларды салады және оларға инвестиция салады.",
      "在海外承建并参股光伏电站和变电站。",
    ),
    sectors: ["42.22"],
    products: [],
    exportMarkets: ["KZ", "UZ"],
    sizeBand: "large",
    requests: [
      {
        id: 2071,
        kind: "investment_offered",
        sectors: ["35.11"],
        products: [],
        validUntil: "2027-12-31",
        text: t(
          "Equity investment in solar plants in Central Asia",
          "Долевые инвестиции в солнечные станции Центральной Азии",
          "Орталық Азиядағы күн станцияларына үлестік инвестиция",
          "对中亚光伏电站进行股权投资",
        ),
      },
    ],
  },
  {
    code: "cn-dyes",
    id: 208,
    side: "partner",
    territory: "zhejiang",
    name: t("Zhejiang dye-chemicals supplier", "Чжэцзянский поставщик красителей", "Чжэцзян бояғыш жеткізушісі", "浙江染料化工公司"),
    originalName: "浙江染料化工公司",
    description: t(
      "Indigo and sulphur dyes for textiles.",
      "Индиго и сернистые красители для текстиля.",
      "Тоқымаға арналған индиго және күкірт бояғыштары.",
      "纺织用靛蓝和硫化染料。",
    ),
    sectors: ["20.12"],
    products: ["3204"],
    exportMarkets: ["BD", "TR"],
    sizeBand: "medium",
    requests: [
      {
        id: 2081,
        kind: "supply",
        sectors: ["20.12"],
        products: ["3204"],
        validUntil: "2027-12-31",
        text: t("Indigo dye for denim mills", "Индиго для денимных фабрик", "Деним фабрикаларына арналған индиго", "牛仔布厂用靛蓝染料"),
      },
    ],
  },
  {
    code: "cn-textile-machinery",
    id: 209,
    side: "partner",
    territory: "zhejiang",
    name: t(
      "Zhejiang textile machinery works",
      "Чжэцзянский завод текстильного оборудования",
      "Чжэцзян тоқыма жабдықтары зауыты",
      "浙江纺织机械厂",
    ),
    originalName: "浙江纺织机械厂",
    description: t(
      "Cotton gins, spinning frames and air-jet looms.",
      "Хлопкоочистительные джины, прядильные машины и пневматические ткацкие станки.",
      "Мақта тазалау машиналары, иіру машиналары және пневматикалық тоқу станоктары.",
      "生产轧花机、细纱机和喷气织机。",
    ),
    sectors: ["28.94"],
    products: ["8445", "8446"],
    exportMarkets: ["UZ", "BD"],
    sizeBand: "large",
    requests: [
      {
        id: 2091,
        kind: "supply",
        sectors: ["28.94"],
        products: ["8445", "8446"],
        validUntil: "2027-12-31",
        text: t(
          "Gins, spinning frames and looms with installation",
          "Джины, прядильные машины и ткацкие станки с монтажом",
          "Мақта тазалау, иіру машиналары және тоқу станоктары, орнатуымен",
          "轧花机、细纱机和织机，含安装",
        ),
      },
    ],
  },
  {
    code: "cn-shoes",
    id: 210,
    side: "partner",
    territory: "wenzhou",
    name: t("Wenzhou shoe maker", "Вэньчжоуская обувная фабрика", "Вэньчжоу аяқ киім фабрикасы", "温州鞋厂"),
    originalName: "温州鞋厂",
    description: t(
      "Men's and women's leather shoes.",
      "Мужская и женская кожаная обувь.",
      "Ерлер мен әйелдерге арналған былғары аяқ киім.",
      "男女皮鞋。",
    ),
    sectors: ["15.20"],
    products: ["6403"],
    exportMarkets: ["RU", "KG", "KZ"],
    sizeBand: "large",
    requests: [
      {
        id: 2101,
        kind: "supply",
        sectors: ["15.20"],
        products: ["6403"],
        validUntil: "2027-06-30",
        text: t(
          "Leather shoes for distributors in Central Asia",
          "Кожаная обувь для дистрибьюторов в Центральной Азии",
          "Орталық Азиядағы дистрибьюторларға былғары аяқ киім",
          "面向中亚分销商供应皮鞋",
        ),
      },
      {
        id: 2102,
        kind: "buy",
        sectors: ["13.10"],
        products: ["5205"],
        validUntil: "2026-02-28",
        text: t(
          "Cotton yarn for laces and linings",
          "Хлопковая пряжа для шнурков и подкладки",
          "Бау мен астарға арналған мақта жібі",
          "鞋带和鞋里用棉纱",
        ),
      },
    ],
  },
  {
    code: "cn-tannery",
    id: 211,
    side: "partner",
    territory: "wenzhou",
    name: t("Wenzhou tannery", "Вэньчжоуский кожевенный завод", "Вэньчжоу былғары зауыты", "温州制革厂"),
    originalName: "温州制革厂",
    description: t(
      "Tans sheep and cattle hides into shoe leather.",
      "Выделывает овечьи и коровьи шкуры в обувную кожу.",
      "Қой мен сиыр терісін аяқ киім былғарысына илейді.",
      "将羊皮和牛皮鞣制成鞋用皮革。",
    ),
    sectors: ["15.11"],
    products: ["4107", "4112"],
    exportMarkets: ["VN"],
    sizeBand: "medium",
    requests: [
      {
        id: 2111,
        kind: "buy",
        sectors: ["10.11"],
        products: ["4102"],
        validUntil: "2027-06-30",
        text: t("Raw and salted sheep skins", "Сырые и солёные овечьи шкуры", "Шикі және тұздалған қой терілері", "生羊皮和盐渍羊皮"),
      },
      {
        id: 2112,
        kind: "supply",
        sectors: ["15.11"],
        products: ["4107", "4112"],
        validUntil: "2027-06-30",
        text: t(
          "Finished leather for shoe uppers",
          "Готовая кожа для верха обуви",
          "Аяқ киімнің сыртына арналған дайын былғары",
          "鞋面用成品革",
        ),
      },
    ],
  },
  {
    code: "cn-garment-brand",
    id: 212,
    side: "partner",
    territory: "wenzhou",
    name: t("Wenzhou casual-wear brand", "Вэньчжоуский бренд повседневной одежды", "Вэньчжоу күнделікті киім бренді", "温州休闲服装品牌"),
    originalName: "温州休闲服装品牌",
    description: t(
      "Designs and sells jeans and casual wear.",
      "Разрабатывает и продаёт джинсы и повседневную одежду.",
      "Джинсы мен күнделікті киім жобалап, сатады.",
      "设计和销售牛仔裤及休闲服装。",
    ),
    sectors: ["14.13"],
    products: ["6203", "6204"],
    exportMarkets: ["RU", "KZ"],
    sizeBand: "large",
    requests: [
      {
        id: 2121,
        kind: "buy",
        sectors: ["14.13"],
        products: ["6203"],
        validUntil: "2027-04-30",
        text: t(
          "Jeans sewn to our designs, 30,000 pieces a month",
          "Пошив джинсов по нашим лекалам, 30 000 штук в месяц",
          "Біздің үлгіміз бойынша джинсы тігу, айына 30 000 дана",
          "按我方设计代工牛仔裤，每月3万件",
        ),
      },
    ],
  },
  {
    code: "cn-forwarder",
    id: 213,
    side: "partner",
    territory: "wenzhou",
    name: t("Wenzhou freight forwarder", "Вэньчжоуский экспедитор", "Вэньчжоу жүк экспедиторы", "温州货运代理公司"),
    originalName: "温州货运代理公司",
    description: t(
      "Rail and truck freight forwarding from Zhejiang to Central Asia via Khorgos.",
      "Экспедирование железнодорожных и автомобильных грузов из Чжэцзяна в Центральную Азию через Хоргос.",
      "Чжэцзяннан Қорғас арқылы Орталық Азияға теміржол және автомобиль жүктерін экспедициялау.",
      "经霍尔果斯从浙江至中亚的铁路和公路货运代理。",
    ),
    sectors: ["52.29", "49.20"],
    products: [],
    exportMarkets: ["KZ", "UZ"],
    sizeBand: "medium",
    requests: [
      {
        id: 2131,
        kind: "buy",
        sectors: ["49.41"],
        products: [],
        validUntil: "2027-12-31",
        text: t(
          "Trucking partner Khorgos–Turkistan",
          "Автоперевозчик-партнёр на участке Хоргос — Туркестан",
          "Қорғас — Түркістан бағытында серіктес жүк тасымалдаушы",
          "寻找霍尔果斯—突厥斯坦段公路承运伙伴",
        ),
      },
    ],
  },
  {
    code: "cn-spandex",
    id: 214,
    side: "partner",
    territory: "zhejiang",
    name: t("Zhejiang spandex fibre maker", "Чжэцзянский производитель спандекса", "Чжэцзян спандекс өндірушісі", "浙江氨纶纤维厂"),
    originalName: "浙江氨纶纤维厂",
    description: t(
      "Elastane (spandex) filament yarn.",
      "Эластановая (спандекс) комплексная нить.",
      "Эластан (спандекс) жібі.",
      "氨纶长丝。",
    ),
    sectors: ["20.60"],
    products: ["540244"],
    exportMarkets: ["TR", "VN"],
    sizeBand: "large",
    requests: [
      {
        id: 2141,
        kind: "supply",
        sectors: ["20.60"],
        products: ["540244"],
        validUntil: "2027-12-31",
        text: t(
          "Elastane yarn for stretch denim and jersey",
          "Эластановая нить для стрейч-денима и трикотажа",
          "Стрейч-деним мен трикотажға арналған эластан жібі",
          "弹力牛仔布和针织用氨纶丝",
        ),
      },
    ],
  },
  {
    code: "cn-fruit",
    id: 215,
    side: "partner",
    territory: "zhejiang",
    name: t("Zhejiang fruit importer", "Чжэцзянский импортёр фруктов", "Чжэцзян жеміс импорттаушысы", "浙江水果进口商"),
    originalName: "浙江水果进口商",
    description: t(
      "Imports melons and fruit for supermarkets in Zhejiang.",
      "Импортирует дыни и фрукты для супермаркетов Чжэцзяна.",
      "Чжэцзян супермаркеттері үшін қауын мен жеміс импорттайды.",
      "为浙江超市进口甜瓜和水果。",
    ),
    sectors: ["46.31"],
    products: ["0807", "0806"],
    exportMarkets: [],
    sizeBand: "medium",
    requests: [
      {
        id: 2151,
        kind: "buy",
        sectors: ["01.13"],
        products: ["0807"],
        validUntil: "2027-09-30",
        text: t("Sweet melons from Central Asia", "Сладкие дыни из Центральной Азии", "Орталық Азиядан тәтті қауын", "中亚甜瓜"),
      },
    ],
  },
];

const BY_CODE = new Map(FIXTURE_ENTERPRISES.map((e) => [e.code, e]));

export function fixture(code: string): FixtureEnterprise {
  const e = BY_CODE.get(code);
  if (!e) throw new Error(`no fixture ${code}`);
  return e;
}

function texts(l: Localized): string[] {
  return [l.kk, l.ru, l.zh, l.en];
}

/** A fixture as the rules see it, text keys computed the way the backend stores them. */
export function toPartnerProfile(e: FixtureEnterprise): PartnerProfile {
  return {
    id: e.id,
    side: e.side,
    territoryId: null,
    sectors: e.sectors,
    products: e.products,
    exportMarkets: e.exportMarkets,
    sizeBand: e.sizeBand,
    textKeys: buildTextKeys([...texts(e.name), e.originalName, ...texts(e.description)]),
    requests: e.requests.map(
      (r): PartnerRequest => ({
        id: r.id,
        kind: r.kind,
        sectors: r.sectors,
        products: r.products,
        textKeys: buildTextKeys(texts(r.text)),
        validUntil: r.validUntil,
      }),
    ),
  };
}

export interface PartnerCase {
  name: string;
  /** The enterprise matched, by code. */
  subject: string;
  /** Set when one of its requests is matched rather than the whole enterprise. */
  subjectRequest?: number;
  /** The counterpart that must rank first. */
  first: string;
  /** Their request that must be the one matched for the first, when it matters. */
  firstRequest?: number | null;
  /** Counterparts that must not appear at all (own region, only an expired request, unrelated sector). */
  absent: string[];
  /** Counterparts that must appear somewhere in the list. */
  present?: string[];
  /** Requests that must never be the matched one (expired). */
  absentRequests?: number[];
}

export const PARTNER_CASES: readonly PartnerCase[] = [
  {
    name: "the Turkistan spinner is matched first to the Wenzhou elastic-fabric maker that buys cotton yarn",
    subject: "kz-spinner",
    first: "cn-elastic-fabric",
    firstRequest: 2011,
    absent: ["kz-denim-mill", "kz-garment", "kz-knitter", "cn-shoes", "cn-fruit", "cn-pv"],
    present: ["cn-denim", "cn-forwarder"],
  },
  {
    name: "the spinner's yarn offer meets the elastic-fabric maker's yarn need, not the shoe maker's expired one",
    subject: "kz-spinner",
    subjectRequest: 1011,
    first: "cn-elastic-fabric",
    firstRequest: 2011,
    absent: ["cn-shoes", "cn-switchgear", "kz-knitter"],
    absentRequests: [2102],
  },
  {
    name: "the elastic-fabric maker's need for cotton yarn finds the Turkistan spinner's offer",
    subject: "cn-elastic-fabric",
    subjectRequest: 2011,
    first: "kz-spinner",
    firstRequest: 1011,
    absent: ["cn-denim", "kz-cement", "kz-garment", "kz-solar"],
  },
  {
    name: "a garment maker looking for stretch denim gets the Wenzhou denim weaver, never the denim mill next door",
    subject: "kz-garment",
    subjectRequest: 1051,
    first: "cn-denim",
    firstRequest: 2021,
    absent: ["kz-denim-mill", "cn-fruit", "cn-transformer"],
  },
  {
    name: "the solar developer buying PV modules gets the module maker",
    subject: "kz-solar",
    subjectRequest: 1071,
    first: "cn-pv",
    firstRequest: 2061,
    absent: ["kz-builder", "cn-elastic-fabric", "cn-shoes"],
  },
  {
    name: "the solar developer seeking equity gets the contractor offering investment in solar plants",
    subject: "kz-solar",
    subjectRequest: 1073,
    first: "cn-epc",
    firstRequest: 2071,
    absent: ["cn-fruit", "cn-tannery"],
  },
  {
    name: "the solar developer buying step-up transformers gets the transformer works",
    subject: "kz-solar",
    subjectRequest: 1072,
    first: "cn-transformer",
    firstRequest: 2041,
    absent: ["cn-denim", "kz-switchgear"],
  },
  {
    name: "the grid builder buying power cables gets the cable maker",
    subject: "kz-builder",
    subjectRequest: 1081,
    first: "cn-cable",
    firstRequest: 2051,
    absent: ["kz-solar", "cn-dyes", "cn-spandex"],
  },
  {
    name: "a joint venture for switchgear meets the switchgear maker offering its technology",
    subject: "kz-switchgear",
    subjectRequest: 1061,
    first: "cn-switchgear",
    firstRequest: 2031,
    absent: ["cn-garment-brand", "cn-fruit"],
  },
  {
    name: "the denim mill buying indigo gets the dye-chemicals supplier",
    subject: "kz-denim-mill",
    subjectRequest: 1041,
    first: "cn-dyes",
    firstRequest: 2081,
    absent: ["kz-garment", "cn-cable"],
  },
  {
    name: "the ginnery buying cotton gins gets the textile machinery works",
    subject: "kz-ginnery",
    subjectRequest: 1022,
    first: "cn-textile-machinery",
    firstRequest: 2091,
    absent: ["kz-spinner", "cn-pv"],
  },
  {
    name: "the meat plant's sheep skins go to the tannery that buys them",
    subject: "kz-meat",
    subjectRequest: 1111,
    first: "cn-tannery",
    firstRequest: 2111,
    absent: ["kz-shoes", "cn-cable"],
  },
  {
    name: "the shoe factory buying leather gets the tannery's offer",
    subject: "kz-shoes",
    subjectRequest: 1101,
    first: "cn-tannery",
    firstRequest: 2112,
    absent: ["kz-meat", "cn-fruit"],
  },
  {
    name: "a clothing and footwear distributor gets the shoe maker offering supply to distributors",
    subject: "kz-apparel-distributor",
    subjectRequest: 1121,
    first: "cn-shoes",
    firstRequest: 2101,
    absent: ["kz-garment", "cn-cable"],
    present: ["cn-garment-brand"],
  },
  {
    name: "the casual-wear brand wanting jeans sewn to order gets the Turkistan jeans factory",
    subject: "cn-garment-brand",
    subjectRequest: 2121,
    first: "kz-garment",
    firstRequest: 1052,
    absent: ["cn-denim", "kz-cement"],
  },
  {
    name: "the spandex maker's elastane finds the denim mill that needs it; the knitter's expired need does not count",
    subject: "cn-spandex",
    subjectRequest: 2141,
    first: "kz-denim-mill",
    firstRequest: 1043,
    absent: ["cn-elastic-fabric", "kz-cement", "kz-melon-farm"],
    absentRequests: [1141],
  },
  {
    name: "the melon farm is matched to the fruit importer",
    subject: "kz-melon-farm",
    first: "cn-fruit",
    firstRequest: 2151,
    absent: ["kz-cement", "cn-switchgear", "cn-denim"],
  },
  {
    name: "a Turkistan trucking firm is matched first to the Wenzhou forwarder that books trucks",
    subject: "kz-logistics",
    first: "cn-forwarder",
    firstRequest: 2131,
    absent: ["kz-spinner"],
  },
];
