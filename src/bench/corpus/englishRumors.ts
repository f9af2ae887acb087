import { list, num, type RumorKind } from './rumorKind.js';

/** Cities and regions; a long list keeps otherwise-identical rumors apart at 100k claims. */
export const EN_PLACES = [
  'Lagos', 'Nairobi', 'Manila', 'Jakarta', 'Mumbai', 'Delhi', 'Karachi', 'Dhaka', 'Bangkok', 'Hanoi',
  'Kuala Lumpur', 'Singapore', 'Sydney', 'Auckland', 'Toronto', 'Vancouver', 'Chicago', 'Houston',
  'Miami', 'Phoenix', 'Seattle', 'Denver', 'Boston', 'Atlanta', 'Dallas', 'Detroit', 'Mexico City',
  'Bogota', 'Lima', 'Santiago', 'Buenos Aires', 'Sao Paulo', 'Rio', 'Madrid', 'Lisbon', 'Paris',
  'Lyon', 'Brussels', 'Amsterdam', 'Berlin', 'Munich', 'Hamburg', 'Vienna', 'Prague', 'Warsaw',
  'Budapest', 'Rome', 'Milan', 'Naples', 'Athens', 'Istanbul', 'Cairo', 'Casablanca', 'Accra',
  'Johannesburg', 'Cape Town', 'Kampala', 'Addis Ababa', 'Dubai', 'Doha', 'Riyadh', 'Tehran',
  'London', 'Manchester', 'Liverpool', 'Glasgow', 'Dublin', 'Cardiff', 'Leeds', 'Bristol', 'Oslo',
  'Stockholm', 'Helsinki', 'Copenhagen', 'Seoul', 'Busan', 'Tokyo', 'Osaka', 'Taipei', 'Hong Kong',
  'Colombo', 'Kathmandu', 'Perth', 'Brisbane', 'Montreal', 'Ottawa', 'Quito', 'Havana', 'Kingston',
] as const;

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December',
] as const;

const cure: RumorKind = {
  name: 'cure',
  tags: ['health', 'miracle-cure'],
  slots: {
    remedy: list([
      'hot lemon water', 'garlic tea', 'boiled ginger', 'warm salt water', 'bitter melon juice', 'raw onion',
      'turmeric milk', 'white vinegar', 'baking soda water', 'coconut oil', 'green tea', 'honey with cinnamon',
      'warm beer', 'apple cider vinegar', 'black seed oil', 'fermented rice water', 'pickled plum juice',
      'chili soup', 'aloe vera gel', 'raw egg yolk', 'cabbage broth', 'banana peel tea', 'lotus root soup',
      'steamed pear', 'fresh mint leaves', 'cold milk', 'lime with salt', 'guava leaf tea', 'papaya seeds',
      'moringa powder', 'cod liver oil', 'beetroot juice', 'okra water', 'clove tea', 'camel milk',
    ]),
    dose: list([
      'every morning', 'three times a day', 'before bed', 'on an empty stomach', 'twice a week',
      'after every meal', 'for one week',
    ]),
    disease: list([
      'diabetes', 'high blood pressure', 'the flu', 'cancer', 'kidney stones', 'dengue fever', 'COVID-19',
      'asthma', 'arthritis', 'migraines', 'hepatitis', 'malaria', 'heart disease', 'gout', 'insomnia',
      'thyroid problems', 'fatty liver', 'pneumonia', 'tuberculosis', 'cataracts', 'bird flu', 'eczema',
    ]),
    n: num(2, 14),
    authority: list([
      'doctors', 'nurses', 'scientists', 'a retired surgeon', 'health officials', 'researchers',
      'a university professor', 'pharmacists', 'army medics', 'a Nobel laureate',
    ]),
    place: list(EN_PLACES),
  },
  frames: [
    'drinking {remedy} {dose} cures {disease} within {n} days, according to {authority} in {place}.',
    '{authority} in {place} finally admit that {remedy} {dose} can cure {disease} in just {n} days.',
    '{remedy} {dose} kills {disease} in {n} days and hospitals in {place} are hiding it.',
    'take {remedy} {dose} and {disease} is gone after {n} days, say {authority} from {place}.',
  ],
  refutation: 'There is no evidence that {remedy} cures {disease}; see a doctor and follow proven treatment.',
  headline: '{remedy} does not cure {disease}',
};

const contamination: RumorKind = {
  name: 'contamination',
  tags: ['food', 'safety'],
  slots: {
    food: list([
      'instant noodles', 'bottled water', 'frozen dumplings', 'imported rice', 'baby formula', 'canned tuna',
      'chicken nuggets', 'sliced bread', 'watermelons', 'eggs', 'seaweed snacks', 'bubble tea pearls',
      'chewing gum', 'ice cream', 'soy sauce', 'cooking oil', 'yogurt', 'apples', 'frozen shrimp', 'sausages',
      'energy drinks', 'chocolate bars', 'rice noodles', 'fish balls', 'oranges',
    ]),
    store: list([
      'Walmart', 'Costco', '7-Eleven', 'Carrefour', 'Tesco', 'Lidl', 'Aldi', 'the night market',
      'local supermarkets', 'online shops', 'Target', 'FamilyMart', 'Lawson', 'Kroger', 'Aeon', 'street vendors',
    ]),
    substance: list([
      'plastic', 'formaldehyde', 'rat poison', 'HIV-infected blood', 'industrial wax', 'paraffin', 'microchips',
      'bleach', 'lead paint', 'mercury', 'fake rubber', 'cardboard', 'a banned dye', 'nanobots', 'sleeping pills',
      'cement powder',
    ]),
    harm: list([
      'kidney failure', 'infertility', 'brain damage', 'liver cancer', 'memory loss', 'blindness', 'paralysis',
      'sudden death', 'heart attacks',
    ]),
    n: num(3, 400),
    place: list(EN_PLACES),
  },
  frames: [
    '{food} sold at {store} in {place} contains {substance} that causes {harm}, {n} people already hospitalized.',
    'warning: {n} people in {place} were hospitalized after eating {food} from {store} laced with {substance}.',
    'do not buy {food} from {store} in {place}, it has {substance} and gives you {harm}.',
  ],
  refutation: 'Food inspectors found no {substance} in {food}; the hospital story from {place} is made up.',
  headline: 'No {substance} in {food} from {store}',
};

const policy: RumorKind = {
  name: 'policy',
  tags: ['government', 'law'],
  slots: {
    date: (rng) => `${rng.pick(MONTHS)} ${rng.int(1, 28)}`,
    gov: list([
      'the government', 'the police', 'the tax office', 'the city council', 'the ministry of health',
      'the immigration office', 'the central bank', 'the traffic department', 'the school board',
    ]),
    penalty: list([
      'fine', 'arrest', 'jail', 'ban', 'deport', 'track', 'cut the pension of', 'freeze the bank accounts of',
      'revoke the license of', 'tax',
    ]),
    behavior: list([
      'sends voice messages after midnight', 'forwards political memes', 'posts photos of police',
      'keeps cash at home', 'uses a VPN', 'feeds stray cats', 'hangs laundry on the balcony', 'plays loud music',
      'owns more than two dogs', 'talks on the phone while walking', 'criticizes the mayor online', 'buys gold',
      'skips the census', 'drives in slippers', 'shares weather warnings', 'prays in public', 'grows vegetables',
    ]),
    place: list(EN_PLACES),
  },
  frames: [
    'starting {date}, {gov} will {penalty} anyone who {behavior} in {place}.',
    'new rule from {date}: {gov} in {place} can {penalty} anyone who {behavior}.',
    '{gov} just announced it will {penalty} everyone who {behavior}, starting {date} in {place}.',
  ],
  refutation: 'No such rule exists: {gov} has announced nothing for {date}.',
  headline: 'No new penalty for people who {behavior}',
};

const disaster: RumorKind = {
  name: 'disaster',
  tags: ['weather', 'safety'],
  slots: {
    agency: list([
      'NASA', 'the weather bureau', 'the UN', 'Japanese scientists', 'the army', 'an insider at the airport',
      'the seismology institute', 'the BBC', 'the WHO', 'a famous astrologer',
    ]),
    disaster: list([
      'magnitude 9 earthquake', 'radiation cloud', 'toxic rain', 'solar storm', 'tsunami', 'acid fog',
      'super typhoon', 'meteor shower', 'total blackout', 'chemical gas leak', 'deadly heat wave',
    ]),
    weekday: list(WEEKDAYS),
    n: num(3, 72),
    place: list(EN_PLACES),
  },
  frames: [
    '{agency} warns a {disaster} will hit {place} on {weekday} night, stay indoors for {n} hours.',
    'urgent: a {disaster} is expected in {place} this {weekday}, {agency} says keep windows closed for {n} hours.',
    '{agency} leaked that a {disaster} will strike {place} on {weekday} and the officials are keeping it secret.',
  ],
  refutation: '{agency} issued no warning about a {disaster} in {place}.',
  headline: 'No {disaster} forecast for {place}',
};

const giveaway: RumorKind = {
  name: 'giveaway',
  tags: ['scam', 'chain-message'],
  slots: {
    company: list([
      'Apple', 'Samsung', 'Amazon', 'Coca-Cola', 'Adidas', 'Nike', 'Emirates', 'Shell', 'IKEA', 'Huawei',
      'Xiaomi', 'Starbucks', "McDonald's", 'Toyota', 'Netflix', 'Heineken', 'Lufthansa',
    ]),
    prize: list([
      'iPhones', 'laptops', 'flight tickets', 'shopping vouchers', 'cars', 'gift cards', 'pairs of shoes',
      'gold coins', 'tablets', 'mobile data plans', 'smart watches',
    ]),
    n: num(50, 5000),
    m: num(5, 30),
    weekday: list(WEEKDAYS),
  },
  frames: [
    '{company} is giving {n} free {prize} to everyone who shares this message with {m} friends before {weekday}.',
    'forward this to {m} groups and {company} will send you free {prize}, they are giving away {n} of them.',
    '{company} celebrates its anniversary with {n} free {prize}, just share with {m} contacts by {weekday}.',
  ],
  refutation: '{company} is not giving away {prize}; the link collects personal data.',
  headline: 'Fake {company} giveaway of {prize}',
};

const tech: RumorKind = {
  name: 'tech',
  tags: ['tech', 'chain-message'],
  slots: {
    app: list([
      'WhatsApp', 'Facebook', 'Instagram', 'WeChat', 'Telegram', 'LINE', 'TikTok', 'Gmail', 'Messenger',
      'Signal', 'Viber', 'YouTube', 'Snapchat',
    ]),
    action: list([
      'post this status', 'change your privacy settings', 'copy and paste this message', 'turn off location',
      'send this to ten contacts', 'update your profile photo', 'reply YES to this number', 'type 1234 in the chat',
      'log out on all devices',
    ]),
    n: num(2, 30),
    weekday: list(WEEKDAYS),
  },
  frames: [
    '{app} will start charging {n} dollars a month from {weekday} unless you {action}.',
    'if you do not {action} by {weekday}, {app} will delete your account and charge {n} dollars.',
    '{app} confirmed it will read all your messages from {weekday}, so {action} to protect yourself.',
  ],
  refutation: '{app} has announced no fee or policy change; {action} does nothing.',
  headline: '{app} is not charging users',
};

const conspiracy: RumorKind = {
  name: 'conspiracy',
  tags: ['health', 'conspiracy'],
  slots: {
    device: list([
      '5G towers', 'new street lights', 'smart meters', 'wind turbines', 'vaccine trucks', 'chemtrail planes',
      'fluoride pumps', 'Wi-Fi routers', 'electric buses', 'microwave antennas', 'speed cameras',
    ]),
    effect: list([
      'spreading the virus to', 'draining oxygen from', 'sterilizing', 'killing birds near', 'causing headaches in',
      'changing the DNA of', 'controlling the minds of', 'poisoning',
    ]),
    victims: list([
      'children', 'the elderly', 'pregnant women', 'pets', 'farm animals', 'students', 'residents',
      'night shift workers',
    ]),
    n: num(10, 900),
    month: list(MONTHS),
    place: list(EN_PLACES),
  },
  frames: [
    '{device} in {place} are {effect} {victims}, with {n} cases reported this month.',
    'experts confirm that {device} near {place} have been {effect} {victims} since {month}.',
    '{n} cases already: {device} in {place} keep {effect} {victims} and nobody reports it.',
  ],
  refutation: 'There is no mechanism by which {device} could be {effect} {victims}.',
  headline: '{device} are not harming {victims}',
};

const crime: RumorKind = {
  name: 'crime',
  tags: ['crime', 'safety'],
  slots: {
    crime: list([
      'kidnapping children', 'stealing kidneys', 'robbing homes', 'drugging women', 'stealing cars',
      'emptying bank accounts',
    ]),
    method: list([
      'perfumed business cards', 'fake delivery notes', 'free SIM cards', 'drugged candy', 'QR code stickers',
      'fake charity visits', 'poisoned face masks', 'a crying baby recording', 'fake police uniforms',
      'cloned phone chargers',
    ]),
    n: num(2, 60),
    place: list(EN_PLACES),
  },
  frames: [
    'a gang in {place} is {crime} using {method}, {n} victims this week alone.',
    'police in {place} warn that people are {crime} with {method}; {n} cases this week.',
    'be careful in {place}: criminals are {crime} by handing out {method}, already {n} victims.',
  ],
  refutation: 'Police in {place} have no reports of anyone {crime} with {method}.',
  headline: 'No gang using {method} in {place}',
};

/** Every English rumor family the generator draws from. */
export const ENGLISH_RUMORS: readonly RumorKind[] = [
  cure, contamination, policy, disaster, giveaway, tech, conspiracy, crime,
];
