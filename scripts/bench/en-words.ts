// English vocabulary of press releases (written for this project), roughly most frequent first
// within each list. Nouns are listed in the singular; en-text.ts forms the plurals by the rules of
// English (-s, -es, consonant + y → -ies) and from IRREGULAR_PLURALS.
const words = (list: string) => list.split(/\s+/).filter(Boolean);

export const EN_FUNCTION = words(`
the of and to in a for on with by is that as at will from has its was be an are have this which their said
also were it more than been new other all such into through between under over about after during including
while both each these those not can would should may our we they he she his her them there when where how
`);

export const EN_NOUNS = words(`
office patent trademark application right property cooperation development innovation protection service
enterprise agreement policy agency country authority economy technology strategy activity industry party study
body facility university community capability opportunity priority city entity category inquiry summary
delivery process address approach tax branch search business box class witness batch match fee meeting
conference examination program report system project measure standard regulation law rule court case dispute
examiner applicant agent owner holder delegation representative official leader commissioner director minister
expert scholar student firm company market product brand design invention model circuit indication region
province year month week day quarter number rate growth increase figure result seminar workshop forum dialogue
visit speech statement plan framework mechanism platform network center institute association organization
government department ministry bureau committee commission council partner member group team effort challenge
issue question goal task reform initiative action step campaign pilot zone port trade investment bank loan fund
pledge license transfer value level capacity talent resource environment sector field area tool database
exchange achievement guideline procedure decision review hearing judgment infringement enforcement examination
`);

/** Plurals that no rule forms. */
export const IRREGULAR_PLURALS: Readonly<Record<string, string>> = {
  person: "people",
  child: "children",
  analysis: "analyses",
  criterion: "criteria",
  crisis: "crises",
  basis: "bases",
  medium: "media",
  man: "men",
  woman: "women",
  life: "lives",
  half: "halves",
  phenomenon: "phenomena",
  memorandum: "memoranda",
};

export const EN_VERBS = words(`
held said signed announced released launched attended discussed exchanged strengthened promoted improved
expanded reviewed granted filed received approved issued published implemented continue support enhance
strengthen promote improve ensure provide develop protect establish deepen build foster facilitate share join
visit meet welcome hope agree expressed noted stressed introduced reached increased rose fell completed
organized hosted opened delivered accepted examined registered renewed revised adopted encouraged
`);

export const EN_ADJECTIVES = words(`
intellectual national international bilateral multilateral economic global local regional key important major
public private further joint effective innovative digital green sustainable strong close mutual legal
administrative technical industrial commercial annual recent current first second third last next total
average significant positive comprehensive practical fair open modern smart geographical integrated scientific
financial social cultural rural urban small foreign domestic high-level jointly actively steadily closely
`);

export const EN_PROPER = words(`
CNIPA WIPO KIPO JPO USPTO EUIPO EPO ASEAN APEC BRICS China Korea Japan Germany France Russia Brazil India
Singapore Europe Africa Beijing Shanghai Guangdong Jiangsu Zhejiang Shenzhen Geneva Macao Shen Changyu Zhang
Wei Wang Fang Liu Yang Chen Jing Park Won-joo Tang
`);

/** Letters and digits together, as in real releases ("5G" must be findable in both languages). */
export const EN_ALPHANUMERIC = words(`5G 6G COVID-19 AI IP5 PCT 4K 3D ISO-9001 B2B H2 G20`);

export const MONTHS = words(`January February March April May June July August September October November December`);
