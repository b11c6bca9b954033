import type { Locale } from "../../i18n/locales.ts";
import { toKazakhLatin } from "../../i18n/translit.ts";

/**
 * The NACE Rev. 2 classes Jibek uses for enterprises and their offers and needs (issue 6): the
 * textile chain from cotton to garments, leather and footwear, a little food, the chemicals,
 * plastics, metals and machinery that feed them, electrical equipment, power, construction,
 * wholesale and logistics. Kazakhstan's ОКЭД/ЭҚЖЖ is NACE Rev. 2 with national subclasses, so
 * the Russian and Kazakh names follow it; the Chinese names follow GB/T 4754 wording where a
 * class has a close counterpart. `short` is what the class makes or does, for sentences
 * ("supplies 13.20 woven fabrics …"): a nominative noun phrase, lower case.
 */

export interface Localized {
  kk: string;
  ru: string;
  zh: string;
  en: string;
}

export interface NaceClass {
  /** "13.20" */
  code: string;
  /** "C" */
  section: string;
  /** "13" */
  division: string;
  name: Localized;
  short: Localized;
}

export interface NaceDivision {
  /** "13" */
  code: string;
  section: string;
  name: Localized;
}

type Names = [en: string, ru: string, kk: string, zh: string];

function names([en, ru, kk, zh]: Names): Localized {
  return { kk, ru, zh, en };
}

const DIVISION_DATA: [string, string, Names][] = [
  [
    "01",
    "A",
    [
      "Crop and animal production, hunting and related service activities",
      "Растениеводство и животноводство, охота и предоставление услуг в этих областях",
      "Өсімдік шаруашылығы және мал шаруашылығы, аңшылық және осы салалардағы қызметтер",
      "农业和畜牧业",
    ],
  ],
  ["10", "C", ["Manufacture of food products", "Производство продуктов питания", "Тамақ өнімдерін өндіру", "食品制造业"]],
  ["13", "C", ["Manufacture of textiles", "Производство текстильных изделий", "Тоқыма бұйымдарын өндіру", "纺织业"]],
  ["14", "C", ["Manufacture of wearing apparel", "Производство одежды", "Киім өндірісі", "纺织服装、服饰业"]],
  [
    "15",
    "C",
    [
      "Manufacture of leather and related products",
      "Производство кожаной и относящейся к ней продукции",
      "Былғары және оған жататын өнімдерді өндіру",
      "皮革、毛皮及制鞋业",
    ],
  ],
  [
    "16",
    "C",
    [
      "Manufacture of wood and of products of wood and cork, except furniture",
      "Производство деревянных и пробковых изделий, кроме мебели",
      "Ағаш және тығын бұйымдарын өндіру (жиһаздан басқа)",
      "木材加工和木制品业",
    ],
  ],
  [
    "17",
    "C",
    [
      "Manufacture of paper and paper products",
      "Производство бумаги и бумажной продукции",
      "Қағаз және қағаз өнімдерін өндіру",
      "造纸和纸制品业",
    ],
  ],
  [
    "20",
    "C",
    [
      "Manufacture of chemicals and chemical products",
      "Производство продуктов химической промышленности",
      "Химия өнеркәсібінің өнімдерін өндіру",
      "化学原料和化学制品制造业",
    ],
  ],
  [
    "22",
    "C",
    [
      "Manufacture of rubber and plastic products",
      "Производство резиновых и пластмассовых изделий",
      "Резеңке және пластмасса бұйымдарын өндіру",
      "橡胶和塑料制品业",
    ],
  ],
  [
    "23",
    "C",
    [
      "Manufacture of other non-metallic mineral products",
      "Производство прочей неметаллической минеральной продукции",
      "Басқа да металл емес минералдық өнімдерді өндіру",
      "非金属矿物制品业",
    ],
  ],
  ["24", "C", ["Manufacture of basic metals", "Металлургическое производство", "Металлургия өнеркәсібі", "金属冶炼和压延加工业"]],
  [
    "25",
    "C",
    [
      "Manufacture of fabricated metal products, except machinery and equipment",
      "Производство готовых металлических изделий, кроме машин и оборудования",
      "Машиналар мен жабдықтардан басқа, дайын металл бұйымдарын өндіру",
      "金属制品业",
    ],
  ],
  [
    "26",
    "C",
    [
      "Manufacture of computer, electronic and optical products",
      "Производство компьютеров, электронной и оптической продукции",
      "Компьютерлер, электрондық және оптикалық өнімдер өндірісі",
      "计算机、通信和其他电子设备制造业",
    ],
  ],
  [
    "27",
    "C",
    [
      "Manufacture of electrical equipment",
      "Производство электрического оборудования",
      "Электр жабдықтарын өндіру",
      "电气机械和器材制造业",
    ],
  ],
  [
    "28",
    "C",
    [
      "Manufacture of machinery and equipment n.e.c.",
      "Производство машин и оборудования, не включенных в другие группировки",
      "Басқа санаттарға енгізілмеген машиналар мен жабдықтарды өндіру",
      "通用和专用设备制造业",
    ],
  ],
  ["31", "C", ["Manufacture of furniture", "Производство мебели", "Жиһаз өндірісі", "家具制造业"]],
  [
    "35",
    "D",
    [
      "Electricity, gas, steam and air conditioning supply",
      "Электроснабжение, подача газа, пара и воздушное кондиционирование",
      "Электрмен жабдықтау, газ, бу беру және ауаны баптау",
      "电力、热力、燃气生产和供应业",
    ],
  ],
  ["41", "F", ["Construction of buildings", "Строительство зданий", "Ғимараттар салу", "房屋建筑业"]],
  ["42", "F", ["Civil engineering", "Гражданское строительство", "Азаматтық құрылыс", "土木工程建筑业"]],
  [
    "43",
    "F",
    ["Specialised construction activities", "Специализированные строительные работы", "Мамандандырылған құрылыс жұмыстары", "建筑安装业"],
  ],
  [
    "46",
    "G",
    [
      "Wholesale trade, except of motor vehicles and motorcycles",
      "Оптовая торговля, за исключением торговли автомобилями и мотоциклами",
      "Автомобильдер мен мотоциклдерді саудалаудан басқа, көтерме сауда",
      "批发业",
    ],
  ],
  [
    "49",
    "H",
    [
      "Land transport and transport via pipelines",
      "Сухопутный транспорт и транспортирование по трубопроводам",
      "Құрлық көлігі және құбыржол көлігі",
      "陆路运输业",
    ],
  ],
  [
    "52",
    "H",
    [
      "Warehousing and support activities for transportation",
      "Складское хозяйство и вспомогательная транспортная деятельность",
      "Қойма шаруашылығы және көліктің қосалқы қызметі",
      "仓储和运输辅助活动",
    ],
  ],
];

/** [code, official name, what it makes or does] */
const CLASS_DATA: [string, Names, Names][] = [
  [
    "01.11",
    [
      "Growing of cereals (except rice), leguminous crops and oil seeds",
      "Выращивание зерновых (кроме риса), зернобобовых культур и семян масличных культур",
      "Дәнді дақылдарды (күріштен басқа), бұршақ дақылдарын және майлы дақылдардың тұқымдарын өсіру",
      "谷物（稻谷除外）、豆类和油料作物种植",
    ],
    ["grain and oilseeds", "зерно и масличные", "астық және майлы дақылдар", "谷物和油料"],
  ],
  [
    "01.13",
    [
      "Growing of vegetables and melons, roots and tubers",
      "Выращивание овощей, бахчевых, корнеплодов и клубнеплодов",
      "Көкөністерді, бақша дақылдарын, тамыржемістілер мен түйнекжемістілерді өсіру",
      "蔬菜、瓜类、根茎和块茎作物种植",
    ],
    ["vegetables and melons", "овощи и бахчевые", "көкөністер мен бақша дақылдары", "蔬菜和瓜类"],
  ],
  [
    "01.16",
    ["Growing of fibre crops", "Выращивание прядильных культур", "Талшықты дақылдарды өсіру", "纤维作物种植"],
    ["seed cotton", "хлопок-сырец", "шитті мақта", "籽棉"],
  ],
  [
    "01.45",
    ["Raising of sheep and goats", "Разведение овец и коз", "Қой және ешкі өсіру", "羊的饲养"],
    ["sheep, goats and wool", "овцы, козы и шерсть", "қой, ешкі және жүн", "羊和羊毛"],
  ],
  [
    "01.63",
    [
      "Post-harvest crop activities",
      "Послеуборочная обработка сельскохозяйственной продукции",
      "Ауыл шаруашылығы өнімдерін жинаудан кейінгі өңдеу",
      "农产品初加工活动",
    ],
    ["ginned cotton fibre", "хлопковое волокно", "мақта талшығы", "皮棉"],
  ],
  [
    "10.11",
    ["Processing and preserving of meat", "Переработка и консервирование мяса", "Етті өңдеу және консервілеу", "肉类加工和保藏"],
    ["meat, hides and skins", "мясо, шкуры и кожевенное сырьё", "ет, тері және былғары шикізаты", "肉类和生皮"],
  ],
  [
    "10.39",
    [
      "Other processing and preserving of fruit and vegetables",
      "Прочие виды переработки и консервирования фруктов и овощей",
      "Жемістер мен көкөністерді өңдеудің және консервілеудің басқа түрлері",
      "其他水果和蔬菜加工及保藏",
    ],
    ["processed fruit and vegetables", "переработанные фрукты и овощи", "өңделген жемістер мен көкөністер", "果蔬加工品"],
  ],
  [
    "10.41",
    ["Manufacture of oils and fats", "Производство масел и жиров", "Майлар мен тоң майлар өндірісі", "油脂制造"],
    ["vegetable oils", "растительные масла", "өсімдік майлары", "植物油"],
  ],
  [
    "10.61",
    [
      "Manufacture of grain mill products",
      "Производство продуктов мукомольной промышленности",
      "Ұн тарту өнеркәсібінің өнімдерін өндіру",
      "谷物磨制品制造",
    ],
    ["flour and groats", "мука и крупы", "ұн және жарма", "面粉和碾磨谷物"],
  ],
  [
    "13.10",
    [
      "Preparation and spinning of textile fibres",
      "Подготовка и прядение текстильных волокон",
      "Тоқыма талшықтарын дайындау және иіру",
      "纺织纤维预处理和纺纱",
    ],
    ["yarn", "пряжа", "иірілген жіп", "纱线"],
  ],
  ["13.20", ["Weaving of textiles", "Ткацкое производство", "Мата тоқу", "机织物织造"], ["woven fabrics", "ткани", "маталар", "机织面料"]],
  [
    "13.30",
    ["Finishing of textiles", "Отделка тканей и текстильных изделий", "Маталар мен тоқыма бұйымдарын әрлеу", "纺织品印染和整理"],
    ["dyeing and finishing", "крашение и отделка тканей", "маталарды бояу және әрлеу", "印染整理"],
  ],
  [
    "13.91",
    [
      "Manufacture of knitted and crocheted fabrics",
      "Производство трикотажного и вязаного полотна",
      "Трикотаж және тоқылған кенеп өндірісі",
      "针织或钩针编织物制造",
    ],
    ["knitted fabrics", "трикотажное полотно", "трикотаж кенеп", "针织面料"],
  ],
  [
    "13.96",
    [
      "Manufacture of other technical and industrial textiles",
      "Производство прочих технических и промышленных текстильных изделий",
      "Басқа да техникалық және өнеркәсіптік тоқыма бұйымдарын өндіру",
      "其他产业用纺织品制造",
    ],
    ["elastic and technical fabrics", "эластичные и технические ткани", "серпімді және техникалық маталар", "弹力及产业用纺织品"],
  ],
  [
    "14.13",
    ["Manufacture of other outerwear", "Производство прочей верхней одежды", "Басқа да сырт киімдер өндірісі", "其他外衣制造"],
    ["outerwear", "верхняя одежда", "сырт киім", "外衣"],
  ],
  [
    "14.14",
    ["Manufacture of underwear", "Производство нательного белья", "Іш киім өндірісі", "内衣制造"],
    ["underwear", "нательное бельё", "іш киім", "内衣"],
  ],
  [
    "15.11",
    [
      "Tanning and dressing of leather; dressing and dyeing of fur",
      "Дубление и выделка кожи; выделка и крашение меха",
      "Теріні илеу және өңдеу; аң терісін өңдеу және бояу",
      "皮革鞣制加工；毛皮鞣制及染色",
    ],
    ["leather", "кожа", "былғары", "皮革"],
  ],
  ["15.20", ["Manufacture of footwear", "Производство обуви", "Аяқ киім өндірісі", "制鞋业"], ["footwear", "обувь", "аяқ киім", "鞋类"]],
  [
    "16.10",
    ["Sawmilling and planing of wood", "Лесопильное и строгальное производство", "Ағаш кесу және сүргілеу өндірісі", "锯材和木片加工"],
    ["sawn timber", "пиломатериалы", "кесілген ағаш", "锯材"],
  ],
  [
    "17.21",
    [
      "Manufacture of corrugated paper and paperboard and of containers of paper and paperboard",
      "Производство гофрированной бумаги и картона, бумажной и картонной тары",
      "Гофрленген қағаз бен картон, қағаз және картон ыдыс өндірісі",
      "瓦楞纸、纸板及纸制容器制造",
    ],
    ["paper and carton packaging", "бумажная и картонная тара", "қағаз және картон қаптама", "纸质包装"],
  ],
  [
    "20.12",
    ["Manufacture of dyes and pigments", "Производство красителей и пигментов", "Бояғыштар мен пигменттер өндірісі", "染料和颜料制造"],
    ["dyes and pigments", "красители и пигменты", "бояғыштар мен пигменттер", "染料和颜料"],
  ],
  [
    "20.15",
    [
      "Manufacture of fertilisers and nitrogen compounds",
      "Производство удобрений и азотных соединений",
      "Тыңайтқыштар мен азот қосылыстарын өндіру",
      "肥料和氮化合物制造",
    ],
    ["fertilisers", "удобрения", "тыңайтқыштар", "化肥"],
  ],
  [
    "20.16",
    [
      "Manufacture of plastics in primary forms",
      "Производство пластмасс в первичных формах",
      "Бастапқы нысандағы пластмассалар өндірісі",
      "初级形态塑料制造",
    ],
    ["polymers", "полимеры", "полимерлер", "初级塑料"],
  ],
  [
    "20.60",
    ["Manufacture of man-made fibres", "Производство химических волокон", "Химиялық талшықтар өндірісі", "化学纤维制造"],
    ["man-made fibres", "химические волокна", "химиялық талшықтар", "化学纤维"],
  ],
  [
    "22.21",
    [
      "Manufacture of plastic plates, sheets, tubes and profiles",
      "Производство пластмассовых плит, листов, труб и профилей",
      "Пластмасса плиталарды, парақтарды, құбырлар мен профильдерді өндіру",
      "塑料板、管、型材制造",
    ],
    [
      "plastic pipes, sheets and profiles",
      "пластиковые трубы, листы и профили",
      "пластик құбырлар, парақтар мен профильдер",
      "塑料管材、板材和型材",
    ],
  ],
  [
    "22.22",
    [
      "Manufacture of plastic packing goods",
      "Производство пластмассовой упаковки",
      "Пластмасса қаптама бұйымдарын өндіру",
      "塑料包装箱及容器制造",
    ],
    ["plastic packaging", "пластиковая упаковка", "пластик қаптама", "塑料包装"],
  ],
  ["23.51", ["Manufacture of cement", "Производство цемента", "Цемент өндірісі", "水泥制造"], ["cement", "цемент", "цемент", "水泥"]],
  [
    "23.61",
    [
      "Manufacture of concrete products for construction purposes",
      "Производство изделий из бетона для строительства",
      "Құрылысқа арналған бетон бұйымдарын өндіру",
      "建筑用混凝土制品制造",
    ],
    ["concrete products", "изделия из бетона", "бетон бұйымдары", "混凝土制品"],
  ],
  [
    "24.10",
    [
      "Manufacture of basic iron and steel and of ferro-alloys",
      "Производство чугуна, стали и ферросплавов",
      "Шойын, болат және ферроқорытпалар өндірісі",
      "炼铁、炼钢和铁合金冶炼",
    ],
    ["steel", "сталь", "болат", "钢铁"],
  ],
  [
    "24.42",
    ["Aluminium production", "Производство алюминия", "Алюминий өндірісі", "铝冶炼及压延加工"],
    ["aluminium", "алюминий", "алюминий", "铝材"],
  ],
  [
    "25.11",
    [
      "Manufacture of metal structures and parts of structures",
      "Производство строительных металлических конструкций и их частей",
      "Құрылыс металл конструкцияларын және олардың бөліктерін өндіру",
      "金属结构制造",
    ],
    ["metal structures", "металлоконструкции", "металл конструкциялар", "金属结构"],
  ],
  [
    "26.11",
    ["Manufacture of electronic components", "Производство электронных компонентов", "Электрондық компоненттер өндірісі", "电子元件制造"],
    [
      "electronic components and PV cells",
      "электронные компоненты и фотоэлементы",
      "электрондық компоненттер мен фотоэлементтер",
      "电子元件和光伏电池",
    ],
  ],
  [
    "27.11",
    [
      "Manufacture of electric motors, generators and transformers",
      "Производство электродвигателей, генераторов и трансформаторов",
      "Электр қозғалтқыштарын, генераторлар мен трансформаторлар өндірісі",
      "电机、发电机和变压器制造",
    ],
    [
      "motors, generators and transformers",
      "электродвигатели, генераторы и трансформаторы",
      "қозғалтқыштар, генераторлар мен трансформаторлар",
      "电机、发电机和变压器",
    ],
  ],
  [
    "27.12",
    [
      "Manufacture of electricity distribution and control apparatus",
      "Производство электрораспределительной и регулирующей аппаратуры",
      "Электр тарату және реттеу аппаратурасын өндіру",
      "配电开关控制设备制造",
    ],
    [
      "switchgear and control apparatus",
      "распределительная и регулирующая аппаратура",
      "тарату және реттеу аппаратурасы",
      "配电和控制设备",
    ],
  ],
  [
    "27.32",
    [
      "Manufacture of other electronic and electric wires and cables",
      "Производство прочих проводов и кабелей для электронного и электрического оборудования",
      "Электрондық және электр жабдықтарына арналған басқа да сымдар мен кабельдер өндірісі",
      "其他电线电缆制造",
    ],
    ["wires and cables", "провода и кабели", "сымдар мен кабельдер", "电线电缆"],
  ],
  [
    "27.40",
    [
      "Manufacture of electric lighting equipment",
      "Производство электрического осветительного оборудования",
      "Электр жарықтандыру жабдықтарын өндіру",
      "照明器具制造",
    ],
    ["lighting equipment", "осветительное оборудование", "жарықтандыру жабдықтары", "照明设备"],
  ],
  [
    "27.90",
    [
      "Manufacture of other electrical equipment",
      "Производство прочего электрического оборудования",
      "Басқа да электр жабдықтарын өндіру",
      "其他电气机械及器材制造",
    ],
    ["other electrical equipment", "прочее электрооборудование", "басқа электр жабдықтары", "其他电气设备"],
  ],
  [
    "28.30",
    [
      "Manufacture of agricultural and forestry machinery",
      "Производство машин и оборудования для сельского и лесного хозяйства",
      "Ауыл және орман шаруашылығына арналған машиналар мен жабдықтар өндірісі",
      "农、林业机械制造",
    ],
    ["agricultural machinery", "сельскохозяйственная техника", "ауыл шаруашылығы техникасы", "农业机械"],
  ],
  [
    "28.94",
    [
      "Manufacture of machinery for textile, apparel and leather production",
      "Производство машин и оборудования для текстильной, швейной и кожевенной промышленности",
      "Тоқыма, тігін және былғары өнеркәсібіне арналған машиналар мен жабдықтар өндірісі",
      "纺织、服装和皮革加工专用设备制造",
    ],
    [
      "textile, sewing and leather machinery",
      "оборудование для текстильной, швейной и кожевенной промышленности",
      "тоқыма, тігін және былғары жабдықтары",
      "纺织服装皮革专用设备",
    ],
  ],
  [
    "31.09",
    ["Manufacture of other furniture", "Производство прочей мебели", "Басқа да жиһаз өндірісі", "其他家具制造"],
    ["furniture", "мебель", "жиһаз", "家具"],
  ],
  [
    "35.11",
    ["Production of electricity", "Производство электроэнергии", "Электр энергиясын өндіру", "电力生产"],
    ["electricity generation", "производство электроэнергии", "электр энергиясын өндіру", "发电"],
  ],
  [
    "35.12",
    ["Transmission of electricity", "Передача электроэнергии", "Электр энергиясын беру", "电力输送"],
    ["electricity transmission", "передача электроэнергии", "электр энергиясын беру", "输电"],
  ],
  [
    "41.20",
    [
      "Construction of residential and non-residential buildings",
      "Строительство жилых и нежилых зданий",
      "Тұрғын және тұрғын емес ғимараттар салу",
      "住宅和非住宅房屋建筑",
    ],
    ["building construction", "строительство зданий", "ғимарат құрылысы", "房屋建筑"],
  ],
  [
    "42.22",
    [
      "Construction of utility projects for electricity and telecommunications",
      "Строительство коммунальных объектов для электроснабжения и телекоммуникаций",
      "Электрмен жабдықтауға және телекоммуникацияға арналған коммуналдық объектілер құрылысы",
      "电力和电信工程施工",
    ],
    [
      "power and telecom network construction",
      "строительство электросетей и сетей связи",
      "электр және байланыс желілерінің құрылысы",
      "电力和电信工程",
    ],
  ],
  [
    "43.21",
    ["Electrical installation", "Электромонтажные работы", "Электр монтаждау жұмыстары", "电气安装"],
    ["electrical installation", "электромонтаж", "электр монтаждау", "电气安装"],
  ],
  [
    "46.31",
    [
      "Wholesale of fruit and vegetables",
      "Оптовая торговля фруктами и овощами",
      "Жемістер мен көкөністердің көтерме саудасы",
      "果品、蔬菜批发",
    ],
    ["fruit and vegetables wholesale", "оптовая торговля фруктами и овощами", "жеміс-көкөніс көтерме саудасы", "果蔬批发"],
  ],
  [
    "46.41",
    ["Wholesale of textiles", "Оптовая торговля текстильными изделиями", "Тоқыма бұйымдарының көтерме саудасы", "纺织品批发"],
    ["textiles wholesale", "оптовая торговля текстилем", "тоқыма көтерме саудасы", "纺织品批发"],
  ],
  [
    "46.42",
    ["Wholesale of clothing and footwear", "Оптовая торговля одеждой и обувью", "Киім мен аяқ киімнің көтерме саудасы", "服装和鞋帽批发"],
    ["clothing and footwear wholesale", "оптовая торговля одеждой и обувью", "киім мен аяқ киімнің көтерме саудасы", "服装鞋类批发"],
  ],
  [
    "46.69",
    [
      "Wholesale of other machinery and equipment",
      "Оптовая торговля прочими машинами и оборудованием",
      "Басқа да машиналар мен жабдықтардың көтерме саудасы",
      "其他机械设备及电子产品批发",
    ],
    [
      "machinery and electrical equipment wholesale",
      "оптовая торговля машинами и электрооборудованием",
      "машиналар мен электр жабдықтарының көтерме саудасы",
      "机械和电气设备批发",
    ],
  ],
  [
    "46.73",
    [
      "Wholesale of wood, construction materials and sanitary equipment",
      "Оптовая торговля лесоматериалами, строительными материалами и санитарно-техническим оборудованием",
      "Ағаш, құрылыс материалдары мен санитарлық-техникалық жабдықтардың көтерме саудасы",
      "木材、建材和卫生洁具批发",
    ],
    ["building materials wholesale", "оптовая торговля стройматериалами", "құрылыс материалдарының көтерме саудасы", "建材批发"],
  ],
  [
    "49.20",
    ["Freight rail transport", "Грузовые железнодорожные перевозки", "Теміржол жүк тасымалы", "铁路货物运输"],
    ["rail freight", "железнодорожные грузоперевозки", "теміржол жүк тасымалы", "铁路货运"],
  ],
  [
    "49.41",
    ["Freight transport by road", "Грузовые перевозки автомобильным транспортом", "Автомобиль көлігімен жүк тасымалдау", "道路货物运输"],
    ["road freight", "автомобильные грузоперевозки", "автомобиль жүк тасымалы", "公路货运"],
  ],
  [
    "52.10",
    ["Warehousing and storage", "Складирование и хранение", "Қоймаға қою және сақтау", "仓储业"],
    ["warehousing", "складирование", "қоймада сақтау", "仓储"],
  ],
  [
    "52.29",
    [
      "Other transportation support activities",
      "Прочая вспомогательная транспортная деятельность",
      "Көліктің басқа да қосалқы қызметі",
      "其他运输辅助活动",
    ],
    ["freight forwarding", "экспедирование грузов", "жүк экспедициясы", "货运代理"],
  ],
];

export const NACE_DIVISIONS: readonly NaceDivision[] = DIVISION_DATA.map(([code, section, n]) => ({ code, section, name: names(n) }));

const DIVISION_BY_CODE = new Map(NACE_DIVISIONS.map((d) => [d.code, d]));

export const NACE_CLASSES: readonly NaceClass[] = CLASS_DATA.map(([code, name, short]) => {
  const division = code.slice(0, 2);
  const section = DIVISION_BY_CODE.get(division)?.section;
  if (!section) throw new Error(`NACE class ${code} has no division`);
  return { code, section, division, name: names(name), short: names(short) };
});

const CLASS_BY_CODE = new Map(NACE_CLASSES.map((c) => [c.code, c]));

/** Every class code, in order. */
export const NACE_CODES: readonly string[] = NACE_CLASSES.map((c) => c.code);

export function naceClass(code: string): NaceClass | undefined {
  return CLASS_BY_CODE.get(code);
}

export function isNaceClass(code: string): boolean {
  return CLASS_BY_CODE.has(code);
}

export function naceDivision(code: string): NaceDivision | undefined {
  return DIVISION_BY_CODE.get(code.replace(/^[A-U]/, ""));
}

function localized(text: Localized, locale: Locale): string {
  return locale === "kk-latn" ? toKazakhLatin(text.kk) : text[locale];
}

/** The official name of a class in the reader's language; the code itself when it is not one of ours. */
export function naceName(code: string, locale: Locale): string {
  const c = CLASS_BY_CODE.get(code);
  return c ? localized(c.name, locale) : code;
}

/** What the class makes or does ("woven fabrics"), for sentences; the code itself when unknown. */
export function naceShortName(code: string, locale: Locale): string {
  const c = CLASS_BY_CODE.get(code);
  return c ? localized(c.short, locale) : code;
}

/** The classes of a division: "C13", "13" → ["13.10", "13.20", …]. */
export function classesOfDivision(division: string): string[] {
  const d = division.replace(/^[A-U]/, "");
  return NACE_CLASSES.filter((c) => c.division === d).map((c) => c.code);
}

/**
 * Our classes behind a stored sector code of any granularity: the cooperation registry keeps
 * section-prefixed divisions ("C13", "A01") or classes ("H52.10"); enterprises keep classes
 * ("13.20"). A group ("13.9") gives its classes; an unknown code gives none.
 */
export function toClasses(code: string): string[] {
  const bare = code.trim().replace(/^[A-U]/, "");
  if (CLASS_BY_CODE.has(bare)) return [bare];
  if (/^\d{2}$/.test(bare)) return classesOfDivision(bare);
  if (/^\d{2}\.\d$/.test(bare)) return NACE_CLASSES.filter((c) => c.code.startsWith(bare)).map((c) => c.code);
  return [];
}

/** Stored sector codes of any granularity → our classes, unique and in order. */
export function normalizeSectors(codes: readonly string[]): string[] {
  const out = new Set<string>();
  for (const code of codes) for (const c of toClasses(code)) out.add(c);
  return [...out].sort();
}
