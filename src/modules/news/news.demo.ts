import type { Services } from "../../services.ts";
import type { ArticleInput, ArticleStatus } from "./news.schemas.ts";
import { entityCatalog } from "./news.service.ts";

/**
 * Demo stories, written for Jibek from ../shared/data/facts.json (not copied from the source
 * articles). Each is marked illustrative: a demo text, not an official publication. Figures keep
 * their confidence in the text ("per the regional administration" for article-only ones).
 * The meeting story starts at the seed's counters: 45 views, 0 comments; the others at 0.
 */
interface DemoStory {
  input: ArticleInput;
  status: ArticleStatus;
  publishedAt: string;
  views: number;
}

const NOTE = {
  kk: "\n\n---\n\n*Jibek демонстрациялық мәтіні: ашық дереккөздер бойынша жазылған, ресми жарияланым емес. Деректер мен олардың сенімділік белгілері — facts.json.*",
  ru: "\n\n---\n\n*Демонстрационный текст Jibek: написан по открытым источникам, не официальная публикация. Данные и метки их достоверности — в facts.json.*",
  zh: "\n\n---\n\n*Jibek 演示稿件：根据公开资料撰写，并非官方发布。数据及其可信度标注见 facts.json。*",
  en: "\n\n---\n\n*A Jibek demo story written from public sources, not an official publication. The figures and their confidence labels are in facts.json.*",
};

const meeting: DemoStory = {
  status: "published",
  publishedAt: "2025-08-14T06:00:00.000Z",
  views: 45,
  input: {
    slug: "turkistan-wenzhou-meeting",
    originalLocale: "kk",
    authorName: "Jibek",
    tags: ["wenzhou", "memorandum", "industrial zones", "china"],
    illustrative: true,
    translations: {
      kk: {
        title: "Түркістан облысы мен Вэньчжоу бірлескен индустриялық аймақ құруға келісті",
        lead: "Облыс әкімінің орынбасары Талғат Қозбеков Вэньчжоу қаласының мэрі Чжан Вэньцземен кездесті. «Қазақстан–Қытай (Вэньчжоу) индустриялық аймағы» жобасын қолдау туралы меморандумға қол қойылды.",
        body: `Түркістан облысы әкімінің орынбасары Талғат Қозбеков Қытайдың Чжэцзян провинциясына барған сапарында Вэньчжоу қаласының мэрі Чжан Вэньцземен келіссөз жүргізді. Тараптар өнеркәсіп, сауда және инвестиция саласындағы ынтымақтастықты талқылады.

## Меморандум

Облыстың индустрия және индустриялық-инновациялық даму басқармасы мен Вэньчжоу қаласының коммерция бюросы «Қазақстан–Қытай (Вэньчжоу) индустриялық аймағы» жобасын бірлесіп қолдау туралы меморандумға қол қойды.

## Облыс инвесторларға не ұсынады

- жалпы аумағы 2 397 гектар болатын 20 индустриялық аймақ;
- «Turan» арнайы экономикалық аймағы — шамамен 4 000 гектар (түрлі дереккөздерде 3 987-ден 4 622 гектарға дейін);
- инфрақұрылымы дайын жер учаскелері мен дайын өндірістік үй-жайлар;
- салынып біткен шағын өнеркәсіптік парктер.

Облыс Қытайдың Шэньси, Хубэй және Хэйлунцзян провинцияларымен бауырлас өңір ретінде байланыс орнатқан. Қытай Қазақстанға ең көп инвестиция салатын бес елдің қатарына кіреді. Облыс әкімдігінің мәліметінше, өткен жылы Қытай мен облыс арасындағы тауар айналымы 296 млн АҚШ долларын құрады: бұл көрсеткіш тек баспасөз хабарламасында келтірілген, тәуелсіз дереккөзде расталмаған.

## Кәсіпорындарға сапар

Делегация Вэньчжоудағы зияткерлік электрмен жабдықтау, «жасыл» энергетика және төмен көміртекті технологиялар, электр жабдықтарын шығару, жеткізу тізбегі мен логистиканы басқару, мақта және аралас иірілген жіп пен серпімді мата өндіру салаларындағы компанияларда болды. Джинсы матасын шығаратын бір кәсіпорын арнайы экономикалық аймақта зауыт салуды жоспарлап отыр.${NOTE.kk}`,
        coverAlt: null,
      },
      ru: {
        title: "Туркестанская область и Вэньчжоу договорились о совместной индустриальной зоне",
        lead: "Заместитель акима области Талгат Козбеков встретился с мэром Вэньчжоу Чжан Вэньцзе. Подписан меморандум о поддержке проекта «Казахстанско-китайская (Вэньчжоу) индустриальная зона».",
        body: `Во время поездки в китайскую провинцию Чжэцзян заместитель акима Туркестанской области Талгат Козбеков провёл переговоры с мэром города Вэньчжоу Чжан Вэньцзе. Стороны обсудили сотрудничество в промышленности, торговле и инвестициях.

## Меморандум

Управление индустриально-инновационного развития области и Бюро коммерции города Вэньчжоу подписали меморандум о совместной поддержке проекта «Казахстанско-китайская (Вэньчжоу) индустриальная зона».

## Что область предлагает инвесторам

- 20 индустриальных зон общей площадью 2 397 гектаров;
- специальную экономическую зону «Turan» — около 4 000 гектаров (в разных источниках от 3 987 до 4 622 гектаров);
- земельные участки с готовой инфраструктурой и готовые производственные помещения;
- построенные малые промышленные парки.

У области побратимские связи с китайскими провинциями Шэньси, Хубэй и Хэйлунцзян. Китай входит в пятёрку крупнейших инвесторов Казахстана. По данным акимата области, товарооборот Китая и области в прошлом году составил 296 млн долларов США; эта цифра приведена только в пресс-релизе, независимого подтверждения нет.

## Визиты на предприятия

Делегация побывала на предприятиях Вэньчжоу, которые работают в сферах интеллектуального электроснабжения, «зелёной» энергетики и низкоуглеродных технологий, электрооборудования, управления цепочками поставок и логистики, производства хлопковой и смесовой пряжи и эластичных тканей. Один производитель джинсовой ткани планирует построить завод в специальной экономической зоне.${NOTE.ru}`,
        coverAlt: null,
      },
      zh: {
        title: "突厥斯坦州与温州商定共建产业园区",
        lead: "突厥斯坦州副州长科兹别科夫·塔尔加特会见温州市市长张文杰，双方签署备忘录，支持“哈萨克斯坦—中国（温州）产业园”项目。",
        body: `突厥斯坦州副州长科兹别科夫·塔尔加特率团访问浙江省，在温州市与市长张文杰举行会谈。双方就工业、贸易和投资领域的合作交换了意见。

## 合作备忘录

突厥斯坦州工业与工业创新发展局与温州市商务局签署备忘录，共同支持“哈萨克斯坦—中国（温州）产业园”项目建设。

## 突厥斯坦州为投资者提供什么

- 20个工业区，总面积2397公顷；
- 图兰经济特区，面积约4000公顷（不同资料给出的数字在3987至4622公顷之间）；
- 基础设施配套齐全的地块和现成的生产厂房；
- 已建成的小型工业园。

突厥斯坦州已与中国陕西、湖北、黑龙江等省建立友好省州关系。中国是哈萨克斯坦前五大投资来源国之一。据州政府介绍，去年中国与突厥斯坦州的贸易额为2.96亿美元；该数字仅见于新闻稿，尚无独立来源核实。

## 走访企业

代表团走访了温州从事智能供电、绿色能源与低碳技术、电气设备、供应链与物流管理以及棉纱、混纺纱和弹力面料生产的企业。一家牛仔布生产企业计划在经济特区建厂。${NOTE.zh}`,
        coverAlt: null,
      },
      en: {
        title: "Turkistan Region and Wenzhou agree on a joint industrial zone",
        lead: "Deputy akim Talgat Kozbekov met the mayor of Wenzhou, Zhang Wenjie. A memorandum backs the “Kazakhstan–China (Wenzhou) Industrial Zone” project.",
        body: `On a visit to Zhejiang Province, the deputy akim of Turkistan Region, Talgat Kozbekov, held talks with the mayor of Wenzhou, Zhang Wenjie. The two sides discussed cooperation in industry, trade and investment.

## The memorandum

The region's Department of Industry and Industrial-Innovative Development and the Wenzhou Commerce Bureau signed a memorandum to support the “Kazakhstan–China (Wenzhou) Industrial Zone” project together.

## What the region offers investors

- 20 industrial zones covering 2,397 hectares in total;
- the Turan Special Economic Zone, about 4,000 hectares (sources give between 3,987 and 4,622 hectares);
- land plots with ready infrastructure, and ready production premises;
- small industrial parks that are already built.

The region has sister ties with the Chinese provinces of Shaanxi, Hubei and Heilongjiang. China is among the top five investors in Kazakhstan. According to the regional administration, trade between China and the region reached USD 296 million last year; the figure appears only in the press release and has not been confirmed independently.

## Company visits

The delegation visited Wenzhou companies in smart power supply, green energy and low-carbon technology, electrical equipment, supply-chain and logistics management, and cotton and blended yarn and elastic fabrics. A denim maker plans to build a plant in the special economic zone.${NOTE.en}`,
        coverAlt: null,
      },
    },
  },
};

const groundbreaking: DemoStory = {
  status: "published",
  publishedAt: "2025-09-12T04:00:00.000Z",
  views: 0,
  input: {
    slug: "wenzhou-park-groundbreaking",
    originalLocale: "zh",
    authorName: "Jibek",
    tags: ["wenzhou", "industrial parks", "maktaaral"],
    illustrative: true,
    translations: {
      zh: {
        title: "哈萨克斯坦—中国（温州）产业园在马克塔阿拉尔区开工",
        lead: "温州代表团访问一个月后，产业园于2025年9月11日在“中亚”国际工业合作中心的核心地块破土动工。",
        body: `据浙江媒体报道，哈萨克斯坦—中国（温州）产业园于2025年9月11日开工，距8月温州会谈和备忘录签署仅一个月。

## 项目概况

- 位置：突厥斯坦州马克塔阿拉尔区，“中亚”国际工业合作中心的核心地块，靠近阿塔梅肯（哈）—古利斯坦（乌）口岸；
- 面积：30公顷；
- 投资：1230亿坚戈；
- 方向：跨境电商物流、B2B保税仓储，以及技术、生产和贸易。

参与方包括温州市商务局（局长虞立清）、汉亚国际控股（董事长黄卓仁）和中建三局。以上信息来自同一篇浙江新闻稿的两处转载，可信度标注为“单一来源”。

## 周边情况

“中亚”国际工业合作中心是图兰经济特区的分区。一期规划100公顷，已建成8栋生产厂房，计划于2026年投入运营。${NOTE.zh}`,
        coverAlt: null,
      },
      kk: {
        title: "Қазақстан–Қытай (Вэньчжоу) индустриялық паркінің құрылысы Мақтаарал ауданында басталды",
        lead: "Вэньчжоуға сапардан бір ай өткен соң, 2025 жылғы 11 қыркүйекте «Орталық Азия» халықаралық өнеркәсіптік кооперация орталығының негізгі учаскесінде паркке алғашқы қазық қағылды.",
        body: `Чжэцзян баспасөзінің хабарлауынша, Қазақстан–Қытай (Вэньчжоу) индустриялық паркінің құрылысы 2025 жылғы 11 қыркүйекте басталды. Бұл тамыздағы Вэньчжоу кездесуі мен меморандумнан кейін бір айдан соң болды.

## Жоба туралы

- орны: Түркістан облысы, Мақтаарал ауданы, «Орталық Азия» халықаралық өнеркәсіптік кооперация орталығының негізгі учаскесі, «Атамекен» (Қазақстан) — «Гүлістан» (Өзбекстан) өткізу бекеттерінің жанында;
- аумағы: 30 гектар;
- инвестиция: 123 млрд теңге;
- бағыты: трансшекаралық электрондық сауда логистикасы, B2B кедендік қойма, технология, өндіріс және сауда.

Жобаға Вэньчжоу қаласының коммерция бюросы (директоры Юй Лицин), Hanya International Holding (басқарма төрағасы Хуан Чжожэнь) және China Construction Third Engineering Bureau қатысады. Бұл мәліметтер бір баспасөз хабарламасының екі көшірмесінен алынған, сондықтан «бір дереккөз» деп белгіленген.

## Айналасында

«Орталық Азия» орталығы — «Turan» арнайы экономикалық аймағының бір бөлігі. Бірінші кезеңде 100 гектар бөлініп, 8 өндірістік ғимарат салынды; орталық 2026 жылы іске қосылуы тиіс.${NOTE.kk}`,
        coverAlt: null,
      },
      ru: {
        title: "В Мактааральском районе заложен Казахстанско-китайский (Вэньчжоу) индустриальный парк",
        lead: "Через месяц после визита в Вэньчжоу, 11 сентября 2025 года, на ключевом участке МЦПК «Центральная Азия» начали строить парк.",
        body: `Как сообщает пресса провинции Чжэцзян, строительство Казахстанско-китайского (Вэньчжоу) индустриального парка началось 11 сентября 2025 года — через месяц после августовских переговоров в Вэньчжоу и подписания меморандума.

## О проекте

- место: Туркестанская область, Мактааральский район, ключевой участок Международного центра промышленной кооперации «Центральная Азия» у пунктов пропуска «Атамекен» (Казахстан) — «Гулистан» (Узбекистан);
- площадь: 30 гектаров;
- инвестиции: 123 млрд тенге;
- профиль: логистика трансграничной электронной торговли, B2B-таможенный склад, технологии, производство и торговля.

Участники — Бюро коммерции Вэньчжоу (директор Юй Лицин), Hanya International Holding (председатель Хуан Чжожэнь) и China Construction Third Engineering Bureau. Сведения взяты из двух перепечаток одного пресс-релиза, поэтому помечены как «один источник».

## Что рядом

МЦПК «Центральная Азия» — подзона СЭЗ «Turan». На первом этапе отведено 100 гектаров и построено 8 производственных зданий; запуск центра намечен на 2026 год.${NOTE.ru}`,
        coverAlt: null,
      },
      en: {
        title: "Ground broken for the Kazakhstan–China (Wenzhou) Industrial Park in Maktaaral District",
        lead: "A month after the Wenzhou visit, on 11 September 2025, work began on the park at the core plot of the ICIC “Central Asia”.",
        body: `According to Zhejiang press reports, construction of the Kazakhstan–China (Wenzhou) Industrial Park began on 11 September 2025, one month after the August talks in Wenzhou and the memorandum.

## The project

- where: Maktaaral District of Turkistan Region, the core plot of the International Centre for Industrial Cooperation “Central Asia”, by the Atameken (Kazakhstan) – Gulistan (Uzbekistan) border crossings;
- area: 30 hectares;
- investment: KZT 123 billion;
- focus: cross-border e-commerce logistics, a B2B bonded warehouse, technology, production and trade.

The participants are the Wenzhou Commerce Bureau (director Yu Liqing), Hanya International Holding (chairman Huang Zhuoren) and China Construction Third Engineering Bureau. These details come from two reprints of one press release, so they are labelled single-source.

## Around it

The ICIC “Central Asia” is a subzone of the Turan Special Economic Zone. Its first stage has 100 hectares zoned and 8 production buildings built; the centre is due to open in 2026.${NOTE.en}`,
        coverAlt: null,
      },
    },
  },
};

const sauran: DemoStory = {
  status: "published",
  publishedAt: "2026-02-10T05:00:00.000Z",
  views: 0,
  input: {
    slug: "sauran-small-industrial-park",
    originalLocale: "ru",
    authorName: "Jibek",
    tags: ["industrial parks", "sauran"],
    illustrative: true,
    // No Chinese text yet: Chinese readers get the Russian original with a notice.
    translations: {
      ru: {
        title: "Малый промышленный парк в Сауранском районе: 37 из 40 зданий работают",
        lead: "Первая очередь парка под Туркестаном почти заполнена; вторая — 112 производственных зданий на 70 гектарах.",
        body: `Малый промышленный парк в Сауранском районе, рядом с Туркестаном, занимает 100 гектаров. Всего в нём запланировано 151–152 здания, около 6 000 рабочих мест и 308 млрд тенге инвестиций.

## Первая очередь

В 2024 году было построено 40 зданий и запущено 32 проекта на 30,7 млрд тенге, создано около 700 рабочих мест. К февралю 2026 года работают 37 зданий из 40.

Среди арендаторов:

- BNK Group — дождевальные установки, тракторы, сэндвич-панели;
- Akniet Holding — офисная и медицинская мебель;
- JASYL SUYQ QAZAQSTAN — промышленные холодильники;
- Turan su / Otar Kurylys — медицинское оборудование;
- BIR BELDEU BIR ZHOL TECHNOLOGY — видеокамеры.

## Вторая очередь

На 70 гектарах предусмотрено 112 производственных зданий. Данные подтверждены несколькими источниками; в публикации 2023 года приводились другие цифры (42 здания, 13 млрд тенге), вероятно, только по первой фазе.${NOTE.ru}`,
        coverAlt: null,
      },
      kk: {
        title: "Сауран ауданындағы шағын өнеркәсіптік парк: 40 ғимараттың 37-сі жұмыс істеп тұр",
        lead: "Түркістан іргесіндегі парктің бірінші кезегі толуға жақын; екінші кезегінде 70 гектарда 112 өндірістік ғимарат салынады.",
        body: `Сауран ауданындағы шағын өнеркәсіптік парк Түркістан қаласының іргесінде, 100 гектар жерде орналасқан. Мұнда барлығы 151–152 ғимарат, шамамен 6 000 жұмыс орны және 308 млрд теңге инвестиция жоспарланған.

## Бірінші кезек

2024 жылы 40 ғимарат салынып, 30,7 млрд теңгеге 32 жоба іске қосылды, 700-ге жуық жұмыс орны ашылды. 2026 жылғы ақпанға қарай 40 ғимараттың 37-сі жұмыс істеп тұр.

Жалға алушылар арасында:

- BNK Group — жаңбырлатқыш қондырғылар, тракторлар, сэндвич-панельдер;
- Akniet Holding — кеңсе және медициналық жиһаз;
- JASYL SUYQ QAZAQSTAN — өнеркәсіптік тоңазытқыштар;
- Turan su / Otar Kurylys — медициналық жабдықтар;
- BIR BELDEU BIR ZHOL TECHNOLOGY — бейнекамералар.

## Екінші кезек

70 гектарда 112 өндірістік ғимарат салу көзделген. Деректерді бірнеше дереккөз растайды; 2023 жылғы бір жарияланымда басқа сандар (42 ғимарат, 13 млрд теңге) берілген, бұл, сірә, тек бірінші кезеңге қатысты.${NOTE.kk}`,
        coverAlt: null,
      },
      en: {
        title: "Sauran District small industrial park: 37 of 40 buildings at work",
        lead: "The first stage of the park near Turkistan is nearly full; the second adds 112 production buildings on 70 hectares.",
        body: `The small industrial park in Sauran District, next to the city of Turkistan, covers 100 hectares. In all, 151–152 buildings, about 6,000 jobs and KZT 308 billion of investment are planned there.

## Stage one

In 2024, 40 buildings were built and 32 projects worth KZT 30.7 billion were launched, with about 700 jobs. By February 2026, 37 of the 40 buildings were operating.

Tenants include:

- BNK Group — sprinkler irrigation, tractors, sandwich panels;
- Akniet Holding — office and medical furniture;
- JASYL SUYQ QAZAQSTAN — industrial refrigerators;
- Turan su / Otar Kurylys — medical equipment;
- BIR BELDEU BIR ZHOL TECHNOLOGY — video cameras.

## Stage two

112 production buildings are planned on 70 hectares. Several sources confirm these figures; a 2023 report gave different ones (42 buildings, KZT 13 billion), probably for the first phase only.${NOTE.en}`,
        coverAlt: null,
      },
      zh: null,
    },
  },
};

const trade: DemoStory = {
  status: "published",
  publishedAt: "2025-11-26T05:00:00.000Z",
  views: 0,
  input: {
    slug: "china-turkistan-trade-figures",
    originalLocale: "en",
    authorName: "Jibek",
    tags: ["trade", "china", "figures"],
    illustrative: true,
    translations: {
      en: {
        title: "China and Turkistan Region in figures: what each number rests on",
        lead: "USD 296 million of trade, a place among Kazakhstan's top five investors, hundreds of millions in new projects — and how sure we are of each.",
        body: `Numbers about the region's ties with China travel from press release to press release. Here is what they say, and what they rest on.

| figure | basis |
|---|---|
| China–region trade last year: **USD 296 million** | stated only in the regional administration's press release; no independent regional figure was found |
| China is among the **top five** investors in Kazakhstan | confirmed by several sources (fourth place in 2023 in one of them) |
| about **USD 393 million** of investment attracted in early 2025; 57 new projects worth USD 644 million and about 7,000 jobs planned | one source (May 2025) |
| five large projects with Chinese capital done; about **USD 600 million** more in the pipeline | one source, quoting the akim (August 2025) |

## Why the labels matter

A trade figure from one press release is worth reporting, but not worth building a plan on. Jibek shows each figure with its confidence label: *verified*, *single-source*, *per the press release*, *sources differ* or *approximate*. Hover a label to see the source.${NOTE.en}`,
        coverAlt: null,
      },
      ru: {
        title: "Китай и Туркестанская область в цифрах: на чём держится каждая",
        lead: "296 млн долларов товарооборота, место в пятёрке крупнейших инвесторов Казахстана, сотни миллионов в новых проектах — и насколько надёжна каждая цифра.",
        body: `Цифры о связях области с Китаем переходят из пресс-релиза в пресс-релиз. Вот что они говорят и на чём основаны.

| цифра | основание |
|---|---|
| товарооборот Китая и области в прошлом году: **296 млн долларов США** | приведена только в пресс-релизе акимата; независимой региональной цифры не найдено |
| Китай входит в **пятёрку** крупнейших инвесторов Казахстана | подтверждено несколькими источниками (в одном — четвёртое место в 2023 году) |
| около **393 млн долларов** инвестиций в начале 2025 года; 57 новых проектов на 644 млн долларов и около 7 000 рабочих мест в планах | один источник (май 2025 года) |
| пять крупных проектов с китайским капиталом реализованы; ещё около **600 млн долларов** в работе | один источник, со слов акима (август 2025 года) |

## Зачем нужны метки

Цифру из одного пресс-релиза стоит сообщить, но не стоит строить на ней планы. Jibek показывает каждую цифру с меткой достоверности: *подтверждено*, *один источник*, *по данным пресс-релиза*, *источники расходятся* или *приблизительно*. Наведите курсор на метку, чтобы увидеть источник.${NOTE.ru}`,
        coverAlt: null,
      },
      kk: {
        title: "Қытай мен Түркістан облысы сандармен: әр сан неге сүйенеді",
        lead: "296 млн доллар тауар айналымы, Қазақстанның ең ірі бес инвесторының бірі, жаңа жобаларға салынатын жүздеген миллион — және әр санның қаншалықты сенімді екені.",
        body: `Облыстың Қытаймен байланысы туралы сандар бір баспасөз хабарламасынан екіншісіне көшіп жүреді. Олар не дейді және неге сүйенеді — төменде.

| сан | негізі |
|---|---|
| өткен жылғы Қытай мен облыс арасындағы тауар айналымы: **296 млн АҚШ доллары** | тек облыс әкімдігінің баспасөз хабарламасында келтірілген; өңірлік тәуелсіз көрсеткіш табылмады |
| Қытай Қазақстанның ең ірі **бес** инвесторының қатарында | бірнеше дереккөз растайды (біреуінде — 2023 жылы төртінші орын) |
| 2025 жылдың басында шамамен **393 млн доллар** инвестиция тартылды; 644 млн долларлық 57 жаңа жоба және 7 000-ға жуық жұмыс орны жоспарланған | бір дереккөз (2025 жылғы мамыр) |
| Қытай капиталымен бес ірі жоба жүзеге асты; тағы шамамен **600 млн доллар** жоспарда | бір дереккөз, әкімнің сөзі бойынша (2025 жылғы тамыз) |

## Белгілер не үшін керек

Бір баспасөз хабарламасындағы санды хабарлауға болады, бірақ соған сүйеніп жоспар құруға болмайды. Jibek әр санды сенімділік белгісімен көрсетеді: *расталған*, *бір дереккөз*, *баспасөз хабарламасы бойынша*, *дереккөздер әртүрлі* немесе *шамамен*. Дереккөзді көру үшін меңзерді белгіге апарыңыз.${NOTE.kk}`,
        coverAlt: null,
      },
      zh: {
        title: "数说中国与突厥斯坦州：每个数字的依据",
        lead: "2.96亿美元贸易额、跻身哈萨克斯坦前五大投资来源国、数亿美元的新项目——以及每个数字有多可靠。",
        body: `关于突厥斯坦州与中国合作的数字，常在一篇篇新闻稿之间流传。下面列出这些数字及其依据。

| 数字 | 依据 |
|---|---|
| 去年中国与该州贸易额：**2.96亿美元** | 仅见于州政府新闻稿；未找到独立的地区统计 |
| 中国是哈萨克斯坦**前五大**投资来源国之一 | 多个来源证实（其中一个来源称2023年位列第四） |
| 2025年初吸引投资约**3.93亿美元**；计划新建57个项目，总额6.44亿美元，约7000个就业岗位 | 单一来源（2025年5月） |
| 已建成五个中资大型项目；另有约**6亿美元**项目在推进中 | 单一来源，引述州长讲话（2025年8月） |

## 为什么要标注可信度

只出现在一篇新闻稿里的数字值得报道，但不宜作为决策依据。Jibek 为每个数字标注可信度：*已核实*、*单一来源*、*据新闻稿*、*来源不一*或*约数*。将鼠标移到标注上即可查看来源。${NOTE.zh}`,
        coverAlt: null,
      },
    },
  },
};

/** In review, not public: shows the workflow in the back office, and a story with missing languages. */
const turanArea: DemoStory = {
  status: "in_review",
  publishedAt: "2026-03-02T05:00:00.000Z",
  views: 0,
  input: {
    slug: "turan-sez-area-figures",
    originalLocale: "ru",
    authorName: "Jibek",
    tags: ["sez turan", "figures"],
    illustrative: true,
    translations: {
      ru: {
        title: "Сколько гектаров в СЭЗ «Turan»: четыре цифры и их источники",
        lead: "Около 4 000, 3 987, 4 622,39 или 4 414 гектаров — откуда каждая цифра.",
        body: `Площадь специальной экономической зоны «Turan» (до 2023 года — СЭЗ «Turkistan») называют по-разному:

- **около 4 000 га** — в исходной новости акимата;
- **3 987 га** — до переименования в 2023 году;
- **4 622,39 га** — после решения 2023 года (плюс 635 га индустриальных зон, 6 подзон);
- **4 414 га** — со слов акима в ноябре 2025 года.

Источники расходятся; Jibek показывает все значения с пометкой «источники расходятся».${NOTE.ru}`,
        coverAlt: null,
      },
      kk: null,
      zh: null,
      en: {
        title: "How many hectares is the Turan SEZ? Four figures and their sources",
        lead: "About 4,000, 3,987, 4,622.39 or 4,414 hectares — where each figure comes from.",
        body: `The area of the Turan Special Economic Zone (the Turkistan SEZ before 2023) is given in several ways:

- **about 4,000 ha** — in the akimat's original news item;
- **3,987 ha** — before the 2023 renaming;
- **4,622.39 ha** — after the 2023 decision (plus 635 ha of industrial zones, 6 subzones);
- **4,414 ha** — quoted by the akim in November 2025.

The sources differ; Jibek shows every value, labelled "sources differ".${NOTE.en}`,
        coverAlt: null,
      },
    },
  },
};

export const DEMO_STORIES: DemoStory[] = [meeting, groundbreaking, sauran, trade, turanArea];

/** Demo records of the news module; generated ones are marked illustrative. */
export async function seedNewsDemo(services: Services): Promise<Record<string, number>> {
  const catalog = await entityCatalog(services);
  for (const story of DEMO_STORIES) await services.news.seedStory(story, catalog);
  const indexed = await services.news.indexRegistry(catalog);
  return { newsArticles: DEMO_STORIES.length, searchDocuments: indexed + DEMO_STORIES.length };
}
