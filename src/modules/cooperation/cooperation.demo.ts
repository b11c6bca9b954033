import type { Services } from "../../services.ts";
import type {
  AgreementInput,
  DelegationInput,
  IndicatorInput,
  OrganisationInput,
  PersonInput,
  ProjectInput,
  TieInput,
} from "./cooperation.schemas.ts";
import { SYSTEM_ACTOR } from "./cooperation.service.ts";

/**
 * The registry's demo: the seed story, every record from ../shared/data/facts.json with its
 * confidence and sources. Nothing is invented: where a name or a figure is not published (the
 * companies the delegation visited, the denim maker, signatories) the record says so. Runs after
 * the catalogue demo, whose zone `kz-cn-wenzhou-park`, plot `WZP-CORE` and zone `turan-sez` the
 * projects stand on.
 */

const SRC = {
  article: "Starting article: Turkistan oblast press release (kk), August 2025",
  ritm: "https://www.ritmeurasia.ru/news--2025-08-14--kitaj-i-kazahstan-dogovorilis-o-sozdanii-sovmestnogo-industrialnogo-parka-82152 (citing Xinhua)",
  jk: "https://www.jkbuyers.com/9095.html (Zhejiang news reprint, 2025-09-13)",
  jiuxin: "http://jiuxincar.com/jxjj/42442.html (same Zhejiang press text)",
  informCn: "https://cn.inform.kz/news/changhuijianzhongguodashi-fangyouyizaiduokai-70147f/ (2025-11-25)",
  ontustik: "https://ontustiktv.kz/kz/news/50065",
  zakon: "https://www.zakon.kz/obshestvo/6503542-realnye-rezultaty-za-god-novyy-etap-razvitiya-turkestanskoy-oblasti.html",
  qazinform: "https://qazinform.com/news/turkistan-region-to-create-cotton-textile-cluster-with-investment-of-over-kzt200bn-da98ca",
  sozmedia: "https://sozmedia.kz/70271",
  kundelik: "https://kundelikinfo.kz/?p=111",
  otyrar: "https://otyrar.kz/2025/08/turkestanskaya-oblast-i-bayan-gol-stali-bratskimi-regionami/",
  sez: "https://sez-turkistan.kz/en/",
} as const;

const NOT_PUBLISHED = "name not published";

export async function seedCooperationDemo(services: Services): Promise<Record<string, number>> {
  const coop = services.cooperation;
  const actor = SYSTEM_ACTOR;
  const org = async (input: OrganisationInput) => (await coop.saveOrganisation(actor, input)).id;
  const person = async (input: PersonInput) => (await coop.savePerson(actor, input)).id;

  // Organisations

  const akimat = await org({
    kind: "government_body",
    name: { kk: "Түркістан облысының әкімдігі", ru: "Акимат Туркестанской области", zh: "图尔克斯坦州政府", en: "Turkistan Region Akimat" },
    nameOriginal: "Түркістан облысының әкімдігі",
    territorySlug: "turkistan-oblast",
    country: "KZ",
    aliases: [
      { alias: "Туркестанский областной акимат" },
      { alias: "Akimat of Turkistan oblast" },
      { alias: "Türkıstan oblysynyñ äkımdıgı" },
    ],
    confidence: "verified",
    sources: [SRC.zakon, SRC.jk],
  });
  const department = await org({
    kind: "government_body",
    name: {
      kk: "Түркістан облысының өнеркәсіп және индустриялық-инновациялық даму басқармасы",
      ru: "Управление промышленности и индустриально-инновационного развития Туркестанской области",
      zh: "图尔克斯坦州工业和工业创新发展局",
      en: "Department of Industry and Industrial-Innovative Development of Turkistan Region",
    },
    nameOriginal: "Түркістан облысының өнеркәсіп және индустриялық-инновациялық даму басқармасы",
    territorySlug: "turkistan-oblast",
    country: "KZ",
    aliases: [{ alias: "Управление промышленности Туркестанской области" }],
    confidence: "article-only",
    sources: [SRC.article],
    note: "Named as the memorandum's Kazakh party in the starting article; the independent reports name the oblast only.",
  });
  const wenzhouGov = await org({
    kind: "government_body",
    name: {
      kk: "Вэньчжоу қаласының халық үкіметі",
      ru: "Народное правительство города Вэньчжоу",
      zh: "温州市人民政府",
      en: "Wenzhou Municipal People's Government",
    },
    nameOriginal: "温州市人民政府",
    territorySlug: "wenzhou",
    country: "CN",
    aliases: [
      { alias: "Мэрия Вэньчжоу" },
      { alias: "Wenzhou City Government" },
      { alias: "温州市政府" },
      { alias: "Уэньчжоу", kind: "misspelling" },
    ],
    confidence: "verified",
    sources: [SRC.ritm, SRC.jk],
  });
  const commerceBureau = await org({
    kind: "government_body",
    name: {
      kk: "Вэньчжоу қаласының коммерция бюросы",
      ru: "Бюро коммерции города Вэньчжоу",
      zh: "温州市商务局",
      en: "Wenzhou Municipal Commerce Bureau",
    },
    nameOriginal: "温州市商务局",
    territorySlug: "wenzhou",
    country: "CN",
    aliases: [{ alias: "Wenzhou Bureau of Commerce" }, { alias: "Коммерческое бюро Вэньчжоу" }, { alias: "Вэньчжоу сауда бюросы" }],
    confidence: "single-source",
    sources: [SRC.jk, SRC.article],
    note: "The starting article names it as the memorandum's Chinese party; the Zhejiang report names its director.",
  });
  const hanya = await org({
    kind: "company",
    name: { kk: "Hanya International Holding", ru: "Hanya International Holding", zh: "汉亚国际控股", en: "Hanya International Holding" },
    nameOriginal: "汉亚国际控股",
    country: "CN",
    confidence: "single-source",
    sources: [SRC.jk, SRC.jiuxin],
    note: "A participant in the Kazakhstan–China (Wenzhou) park per the Zhejiang press; headquarters not published.",
  });
  const cscec3 = await org({
    kind: "company",
    name: {
      kk: "China Construction Third Engineering Bureau (中建三局)",
      ru: "Третье инженерное управление China Construction (中建三局)",
      zh: "中建三局",
      en: "China Construction Third Engineering Bureau",
    },
    nameOriginal: "中建三局",
    country: "CN",
    aliases: [{ alias: "CSCEC Third Engineering Bureau" }, { alias: "中国建筑第三工程局" }],
    confidence: "single-source",
    sources: [SRC.jk, SRC.jiuxin],
    note: "A participant in the Kazakhstan–China (Wenzhou) park per the Zhejiang press.",
  });
  const lihua = await org({
    kind: "company",
    name: {
      kk: "Xinjiang Lihua (Group) Co., Ltd.",
      ru: "Синьцзян Лихуа (Xinjiang Lihua Group)",
      zh: "新疆利华（集团）股份有限公司",
      en: "Xinjiang Lihua (Group) Co., Ltd.",
    },
    nameOriginal: "新疆利华",
    country: "CN",
    sectors: ["C13", "A01"],
    aliases: [{ alias: "Лихуа" }, { alias: "Lihua" }],
    confidence: "verified",
    sources: [SRC.qazinform, SRC.sozmedia, SRC.kundelik],
  });
  await org({
    kind: "sez_operator",
    name: {
      kk: "«Turan» АЭА басқарушы компаниясы",
      ru: "Управляющая компания СЭЗ «Turan»",
      zh: "图兰经济特区管理公司",
      en: "SEZ Turan management company",
    },
    territorySlug: "turkistan-city",
    country: "KZ",
    website: SRC.sez,
    aliases: [{ alias: "СЭЗ Туркестан" }, { alias: "SEZ Turkistan" }, { alias: "Түркістан АЭА" }],
    confidence: "single-source",
    sources: [SRC.sez],
    note: "The SEZ 'Turkistan' (created 2018) was renamed 'Turan' by a 2023 decision.",
  });

  // People

  const kozbekov = await person({
    name: { kk: "Талғат Қозбеков", ru: "Талгат Козбеков", zh: "科兹别科夫·塔尔加特", en: "Talgat Kozbekov" },
    nameOriginal: "Талғат Қозбеков",
    positions: [
      {
        organisationId: akimat,
        title: { kk: "Облыс әкімінің орынбасары", ru: "Заместитель акима области", zh: "州副州长", en: "Deputy akim of the region" },
        confidence: "verified",
        sources: [SRC.ritm, SRC.jk],
      },
    ],
    aliases: [
      { alias: "Қозыбеков", kind: "misspelling" },
      { alias: "Талғат Қозыбеков", kind: "misspelling" },
      { alias: "Kozbekov Talgat Zhapakhanovich" },
      { alias: "科兹别科夫·塔尔加特·贾帕克哈诺维奇" },
      { alias: "Козбеков Талгат" },
    ],
    confidence: "verified",
    sources: [SRC.ritm, SRC.jk],
    note: "Both independent sources spell the surname Kozbekov (Козбеков / 科兹别科夫); the article's 'Қозыбеков' is a typo, kept as an alias.",
  });
  await person({
    name: { kk: "Нұралхан Көшеров", ru: "Нуралхан Кушеров", zh: null, en: "Nuralkhan Kusherov" },
    nameOriginal: "Нұралхан Көшеров",
    positions: [
      {
        organisationId: akimat,
        title: { kk: "Облыс әкімі", ru: "Аким области", zh: "州长", en: "Akim of the region" },
        since: "2025-01",
        confidence: "verified",
        sources: [SRC.zakon, SRC.jk],
      },
    ],
    aliases: [{ alias: "Кушеров" }],
    confidence: "verified",
    sources: [SRC.zakon, SRC.jk],
  });
  const zhangWenjie = await person({
    name: { kk: "Чжан Вэньцзе", ru: "Чжан Вэньцзе", zh: "张文杰", en: "Zhang Wenjie" },
    nameOriginal: "张文杰",
    positions: [
      {
        organisationId: wenzhouGov,
        title: {
          kk: "Вэньчжоу қаласының мэрі",
          ru: "Мэр города Вэньчжоу",
          zh: "温州市委副书记、市长",
          en: "Deputy Party Secretary and Mayor of Wenzhou",
        },
        confidence: "verified",
        sources: [SRC.ritm, SRC.jk],
      },
    ],
    confidence: "verified",
    sources: [SRC.ritm, SRC.jk],
  });
  await person({
    name: { kk: "Юй Лицин", ru: "Юй Лицин", zh: "虞立清", en: "Yu Liqing" },
    nameOriginal: "虞立清",
    positions: [
      {
        organisationId: commerceBureau,
        title: { kk: "Бюро директоры", ru: "Директор бюро", zh: "局长", en: "Director" },
        confidence: "single-source",
        sources: [SRC.jk],
      },
    ],
    confidence: "single-source",
    sources: [SRC.jk],
  });
  await person({
    name: { kk: "Хуан Чжожэнь", ru: "Хуан Чжожэнь", zh: "黄卓仁", en: "Huang Zhuoren" },
    nameOriginal: "黄卓仁",
    positions: [
      {
        organisationId: hanya,
        title: { kk: "Басқарма төрағасы", ru: "Председатель правления", zh: "董事长", en: "Chairman" },
        confidence: "single-source",
        sources: [SRC.jk],
      },
    ],
    confidence: "single-source",
    sources: [SRC.jk],
  });
  await person({
    name: { kk: "Чжан Цихай", ru: "Чжан Цихай", zh: null, en: "Zhang Qihai" },
    positions: [
      {
        organisationId: lihua,
        title: { kk: "Басқарма төрағасы", ru: "Председатель правления", zh: "董事长", en: "Chairman" },
        confidence: "verified",
        sources: [SRC.qazinform],
      },
    ],
    confidence: "verified",
    sources: [SRC.qazinform],
    note: "The name in Chinese characters was not found.",
  });

  // Spellings of Wenzhou that are not among its names (the city's own names are searched as they are).
  await coop.setTerritoryAliases(actor, "wenzhou", [
    { alias: "Уэньчжоу", kind: "misspelling" },
    { alias: "温州", kind: "alias" },
    { alias: "Венчжоу", kind: "misspelling" },
  ]);

  // The August 2025 visit, its meeting and the memorandum

  const delegation = await coop.saveDelegation(actor, {
    title: {
      kk: "Түркістан облысы делегациясының Вэньчжоуға сапары",
      ru: "Визит делегации Туркестанской области в Вэньчжоу",
      zh: "图尔克斯坦州代表团访问温州",
      en: "Turkistan Region delegation to Wenzhou",
    },
    fromSlug: "turkistan-oblast",
    toSlug: "wenzhou",
    startsOn: "2025-08",
    endsOn: "2025-08",
    headPersonId: kozbekov,
    purpose: {
      kk: "Вэньчжоу басшылығымен кездесу, компанияларға бару, «Қазақстан–Қытай (Вэньчжоу) индустриялық аймағы» жобасы",
      ru: "Встреча с руководством Вэньчжоу, посещение компаний, проект «Казахстанско-китайская (Вэньчжоу) индустриальная зона»",
      zh: "会见温州市领导、考察企业、推进“哈萨克斯坦-中国（温州）产业园”项目",
      en: "Meeting Wenzhou's leadership, visiting companies, the Kazakhstan–China (Wenzhou) Industrial Zone project",
    },
    meetings: [
      {
        on: "2025-08",
        personId: zhangWenjie,
        organisationId: wenzhouGov,
        summary: {
          kk: "Облыс әкімінің орынбасары мен Вэньчжоу мэрінің кездесуі; индустриялық аймақ туралы меморандум",
          ru: "Встреча заместителя акима области и мэра Вэньчжоу; меморандум об индустриальной зоне",
          zh: "副州长与温州市长会见；签署产业园合作备忘录",
          en: "The deputy akim met the mayor of Wenzhou; memorandum on the industrial zone",
        },
      },
    ],
    visits: [
      visit("C27", "ақылды электрмен жабдықтау", "интеллектуальное электроснабжение", "智能供电", "smart power supply"),
      visit(
        "D35",
        "жасыл энергетика және төмен көміртекті технологиялар",
        "зелёная энергетика и низкоуглеродные технологии",
        "绿色能源与低碳技术",
        "green energy and low-carbon technology",
      ),
      visit("C27", "электр жабдықтары", "электрооборудование", "电气设备", "electrical equipment"),
      visit(
        "H52",
        "жеткізу тізбегі мен логистиканы басқару",
        "управление цепями поставок и логистикой",
        "供应链与物流管理",
        "supply-chain and logistics management",
      ),
      visit("C13", "мақта және аралас иірім жіп", "хлопковая и смесовая пряжа", "棉纱与混纺纱", "cotton and blended yarn"),
      visit("C13", "созылмалы маталар", "эластичные ткани", "弹力面料", "elastic fabrics"),
    ],
    followUps: [
      {
        description: "Groundbreaking of the Kazakhstan–China (Wenzhou) park in Maktaaral district, one month after the visit",
        ownerNote: NOT_PUBLISHED,
        dueOn: "2025-09-11",
        done: true,
        doneOn: "2025-09-11",
      },
    ],
    confidence: "verified",
    sources: [SRC.ritm, SRC.jk, SRC.article],
    note: "The companies visited are known only by their kind (starting article); their names were not published and are not given here. Members other than the head: names not published.",
  } satisfies DelegationInput);

  const memorandum = await coop.saveAgreement(
    actor,
    {
      kind: "memorandum",
      title: {
        kk: "«Қазақстан–Қытай (Вэньчжоу) индустриялық аймағы» жобасын қолдау туралы меморандум",
        ru: "Меморандум о поддержке проекта «Казахстанско-китайская (Вэньчжоу) индустриальная зона»",
        zh: "关于支持“哈萨克斯坦-中国（温州）产业园”项目的合作备忘录",
        en: "Memorandum on the Kazakhstan–China (Wenzhou) Industrial Zone project",
      },
      subject: {
        kk: "Вэньчжоу қаласымен бірлескен индустриялық аймақ жобасын қолдау",
        ru: "Поддержка проекта совместной индустриальной зоны с Вэньчжоу",
        zh: "支持与温州共建产业园项目",
        en: "Support for the joint industrial zone project with Wenzhou",
      },
      signedOn: "2025-08",
      placeSlug: "wenzhou",
      status: "signed",
      statusOn: "2025-08",
      parties: [
        { organisationId: department, signatoryNote: NOT_PUBLISHED },
        { organisationId: commerceBureau, signatoryNote: NOT_PUBLISHED },
      ],
      delegationId: delegation.id,
      confidence: "verified",
      sources: [SRC.ritm, SRC.jk, SRC.article],
      note: "The Chinese report calls the August document a 'friendly-city cooperation memorandum'. The text of the memorandum was not published.",
    } satisfies AgreementInput,
    undefined,
    { reason: "Signed during the visit to Wenzhou (reported 2025-08-14)" },
  );

  await coop.changeAgreementStatus(actor, memorandum.id, {
    to: "being_implemented",
    on: "2025-09-11",
    reason: "The park's groundbreaking in Maktaaral district (Zhejiang press)",
  });

  // Ties: the sister provinces (memoranda listed by the akim, 2025-11-25) and the Wenzhou partnership

  const tie = (partnerSlug: string, extra: Partial<TieInput>): TieInput => ({
    territorySlug: "turkistan-oblast",
    partnerSlug,
    kind: "sister_region",
    confidence: "verified",
    sources: [SRC.informCn],
    ...extra,
  });
  const ties: TieInput[] = [
    tie("shaanxi", {
      sources: [SRC.informCn, SRC.ontustik],
      documentTitle: "Agreement signed in Xi'an",
      documentUrl: "https://ontustiktv.kz/kz/news/50065",
    }),
    tie("hubei", {}),
    tie("heilongjiang", {}),
    tie("henan", { note: "Listed by the akim (2025-11-25); the starting article leaves Henan out." }),
    tie("wenzhou", {
      kind: "partner_city",
      since: "2025-08",
      agreementId: memorandum.id,
      confidence: "single-source",
      sources: [SRC.jk],
      note: "The Zhejiang report calls the August 2025 memorandum a 'friendly-city cooperation memorandum'.",
    }),
  ];
  for (const t of ties) await coop.saveTie(actor, t);

  // Projects

  const park = await coop.saveProject(
    actor,
    {
      title: {
        kk: "Қазақстан–Қытай (Вэньчжоу) индустриялық паркі",
        ru: "Казахстанско-китайский (Вэньчжоу) индустриальный парк",
        zh: "哈萨克斯坦-中国（温州）产业园",
        en: "Kazakhstan–China (Wenzhou) Industrial Park",
      },
      description: {
        kk: "30 га, «Орталық Азия» ХӨСО негізгі учаскесі: трансшекаралық электрондық сауда логистикасы, B2B кедендік қойма, технологиялар, өндіріс, сауда",
        ru: "30 га, основной участок МЦПС «Центральная Азия»: логистика трансграничной электронной торговли, таможенный склад B2B, технологии, производство, торговля",
        zh: "30公顷，中亚国际合作中心核心地块：跨境电商物流B2B保税仓、科技、生产、贸易",
        en: "30 ha, the core plot of ICIC 'Central Asia': cross-border e-commerce logistics, a B2B bonded warehouse, technology, production, trade",
      },
      investorCountry: "CN",
      sector: "H52",
      territorySlug: "maktaaral-district",
      siteKind: "plot",
      siteRef: "WZP-CORE",
      capitalAmount: 123_000_000_000,
      capitalCurrency: "KZT",
      fxNote: "KZT 123 bn as stated by the Zhejiang press; no USD figure or rate was published.",
      stage: "agreement_signed",
      stageOn: "2025-08",
      agreementIds: [memorandum.id],
      participants: [
        { organisationId: commerceBureau, role: "participant" },
        { organisationId: hanya, role: "participant" },
        { organisationId: cscec3, role: "participant" },
      ],
      confidence: "single-source",
      sources: [SRC.jk, SRC.jiuxin],
      note: "The two Chinese pages carry the same Zhejiang press text, so they count as one source. Investor: name not published. Jobs: not published.",
    } satisfies ProjectInput,
    undefined,
    { reason: "Memorandum signed in Wenzhou" },
  );
  await coop.moveProject(actor, park.id, {
    to: "construction",
    on: "2025-09-11",
    reason: "Groundbreaking in Maktaaral district, one month after the visit (Zhejiang press)",
  });

  await coop.saveProject(
    actor,
    {
      title: {
        kk: "Мата және деним өндірісі (жоспар)",
        ru: "Производство тканей и денима (план)",
        zh: "面料和牛仔布生产项目（计划）",
        en: "Fabric and denim plant (planned)",
      },
      description: {
        kk: "Деним өндірушісі АЭА-да зауыт салуды жоспарлап отыр; компанияның атауы жарияланбаған",
        ru: "Производитель денима планирует завод в СЭЗ; название компании не опубликовано",
        zh: "一家牛仔布生产商计划在经济特区建厂；公司名称未公布",
        en: "A denim maker plans a plant in the SEZ; the company's name was not published",
      },
      investorCountry: "CN",
      sector: "C13",
      siteKind: "zone",
      siteRef: "turan-sez",
      stage: "idea",
      stageOn: "2025-11",
      confidence: "single-source",
      sources: [SRC.informCn, SRC.article],
      note: "The article says the 'Turkistan' SEZ, renamed 'Turan' in 2023: probably the same zone. The akim's list of Chinese-investor projects (Nov 2025) includes 'fabric and denim production'.",
    } satisfies ProjectInput,
    undefined,
    { reason: "In the akim's list of Chinese-investor projects (2025-11-25)" },
  );

  await coop.saveProject(
    actor,
    {
      title: {
        kk: "«Turan» АЭА-дағы мақта-тоқыма кластері",
        ru: "Хлопково-текстильный кластер в СЭЗ «Turan»",
        zh: "图兰经济特区棉纺织产业集群",
        en: "Cotton-textile cluster in SEZ Turan",
      },
      description: {
        kk: "10 зауыт: 4 мақта өңдеу, 2 тамшылатып суару, 4 тоқыма (тігін, бояу-әрлеу); 50 000 га-дан астам мақта",
        ru: "10 заводов: 4 по переработке хлопка, 2 капельного орошения, 4 текстильных (швейное, красильно-отделочное); более 50 000 га хлопка",
        zh: "10家工厂：4家棉花加工、2家滴灌、4家纺织（缝纫、染整）；棉田5万公顷以上",
        en: "10 plants: 4 cotton processing, 2 drip irrigation, 4 textile (sewing, dyeing and finishing); over 50,000 ha of cotton",
      },
      investorOrganisationId: lihua,
      investorCountry: "CN",
      sector: "C13",
      siteKind: "zone",
      siteRef: "turan-sez",
      capitalAmount: 200_000_000_000,
      capitalCurrency: "KZT",
      capitalUsd: 270_000_000,
      fxNote: "Over KZT 200 bn; the akim gave USD 270 mn (Aug 2025). Both figures as stated, no rate.",
      jobsPlanned: 4000,
      stage: "negotiation",
      stageOn: "2025-08",
      participants: [{ organisationId: lihua, role: "investor" }],
      confidence: "verified",
      sources: [SRC.qazinform, SRC.sozmedia, SRC.kundelik, SRC.otyrar],
      note: "About 4,000 jobs, 3,000 of them permanent. The stage is our reading of the press (announced, no signed agreement reported).",
    } satisfies ProjectInput,
    undefined,
    { reason: "Announced by the akim with its investor (Aug 2025)" },
  );

  // Indicators: the article's regional figure (article-only) and the national trade on each basis

  const turnover = (
    period: string,
    value: number,
    basis: IndicatorInput["basis"],
    basisNote: string,
    confidence: string,
    sources: string[],
  ): IndicatorInput => ({
    code: "trade_turnover_kz_cn",
    name: {
      kk: "Қазақстан мен Қытай арасындағы тауар айналымы",
      ru: "Товарооборот Казахстана и Китая",
      zh: "哈中贸易额",
      en: "Kazakhstan–China trade turnover",
    },
    unit: "usd_bn",
    period,
    value,
    country: "KZ",
    partnerCountry: "CN",
    basis,
    basisNote,
    confidence: confidence as IndicatorInput["confidence"],
    sources,
  });
  const indicators: IndicatorInput[] = [
    {
      code: "trade_turnover_region_cn",
      name: {
        kk: "Түркістан облысы мен Қытай арасындағы тауар айналымы",
        ru: "Товарооборот Туркестанской области с Китаем",
        zh: "图尔克斯坦州与中国的贸易额",
        en: "Turkistan Region–China trade turnover",
      },
      unit: "usd_mn",
      period: "2024",
      value: 296,
      country: "KZ",
      partnerCountry: "CN",
      territorySlugs: ["turkistan-oblast"],
      basis: "article",
      basisNote: "Per the akimat in the starting article: 'last year' (probably 2024). No independent regional figure was found.",
      confidence: "article-only",
      sources: [SRC.article],
    },
    turnover("2024", 43.82, "china_customs", "China GAC (customs) data", "verified", [
      "https://astanatimes.com/2025/01/kazakhstan-ranks-first-among-chinas-central-asian-trade-partners-in-2024/",
      "https://qazinform.com/news/china-central-asia-trade-hits-all-time-high-in-january-may-2025-37c692",
    ]),
    turnover("2024", 44, "official_statement", "President Tokayev, China Daily op-ed (Aug 2025), rounded", "single-source", [
      "https://1prime.ru/20250830/tokai-861478551.html",
    ]),
    turnover("2024", 30.1, "mirror_statistics", "Eurasian Development Bank analysis (Kazakh-side / mirror statistics)", "single-source", [
      "https://www.vb.kg/doc/449224_torgovlia_kitaia_s_centralnoy_aziey_vyrosla_pochti_v_tri_raza.html",
    ]),
    turnover("2023", 41, "china_customs", "China GAC", "verified", [
      "https://24.kz/kz/zha-aly-tar/ekonomika-zhnalyktary/item/649036-aza-ytaj-investitsiyaly-yntyma-tasty-y",
      "https://baribar.kz/235837/aza-stan-men-ytaj-arasynda-y-sauda-ajnalymy-30-zhylda-100-ese-sken",
    ]),
    turnover("2022", 31.2, "china_customs", "China GAC", "verified", [
      "https://www.newscentralasia.net/2023/01/20/kazakhstan-china-trade-turnover-in-2022-exceeded-usd-31-billion/",
      "https://nh-logistics.com/our-news/news/historic-high-is-hit-by-kazakh-chinese-trade-turnover/",
    ]),
    turnover("2022", 24.1, "kazakh_statistics", "Kazakh statistics: exports 13.2, imports 11.0", "verified", [
      "https://en.trend.az/casia/kazakhstan/3812743.html",
      "https://menafn.com/1106993905/Kazakhstan-China-Eye-Boosting-Bilateral-Trade-By-2030",
    ]),
    turnover("2021", 18, "official_statement", "Kazakh Prime Minister", "single-source", [
      "https://en.inform.kz/news/kazakhstan-willing-to-increase-exports-of-135-commodity-items-to-china-kazakh-pm_a4007636/",
    ]),
  ];
  for (const i of indicators) await coop.saveIndicator(actor, i);

  return { organisations: 8, people: 6, ties: ties.length, agreements: 1, delegations: 1, projects: 3, indicators: indicators.length };
}

function visit(sector: string, kk: string, ru: string, zh: string, en: string): NonNullable<DelegationInput["visits"]>[number] {
  return {
    organisationId: null,
    sector,
    description: {
      kk: `Компания: ${kk} (атауы жарияланбаған)`,
      ru: `Компания: ${ru} (название не опубликовано)`,
      zh: `企业：${zh}（名称未公布）`,
      en: `A company in ${en} (name not published)`,
    },
  };
}
