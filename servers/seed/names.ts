/** Name pools for synthetic patients: varied origins, some accented, so search normalisation is exercised. */

/** A comma-separated list in a template literal keeps Prettier from putting one name per line. */
const list = (text: string): readonly string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

export const femaleGiven = list(`
  Maria, Sofia, Zoë, Chloé, Renée, Ana, Ingrid, Åsa, Emma, Olivia, Aisha, Mei, Yuki, Priya, Fatima,
  Lucía, Hélène, Amélie, Grace, Hannah, Isabel, Julia, Keiko, Leila, Margaret, Nadia, Noémie, Patricia,
  Rosa, Sarah, Siobhán, Tamar, Ursula, Valentina, Wanjiru, Ximena, Yasmin, Zsófia, Linda, Elizabeth,
  Susan, Dorothy`);

export const maleGiven = list(`
  José, François, Søren, Björn, Jürgen, Luis, Ahmed, Wei, Hiroshi, Raj, James, Michael, David, Liam,
  Noah, Mateo, Élie, Gaël, André, Bruno, Carlos, Dmitri, Emeka, Felipe, George, Henrik, Ibrahim, Jonas,
  Kwame, Lars, Mohammed, Nikolaj, Oscar, Pedro, Robert, Samuel, Thomas, Václav, William, Yusuf, Zoltán,
  Richard`);

export const family = list(`
  Smith, Johnson, García, Müller, Núñez, Pérez, Ødegaard, Dvořák, Nguyen, Kim, O'Brien, Papadopoulos,
  Kowalski, Schäfer, Lefèvre, Rossi, Hernández, Martínez, Brown, Williams, Jones, Davis, Wilson,
  Anderson, Taylor, Thomas, Moore, Jackson, Martin, Lee, Thompson, White, Harris, Clark, Lewis,
  Robinson, Walker, Young, Allen, King, Wright, Scott, Hill, Green, Adams, Baker, Nelson, Carter,
  Mitchell, Roberts, Campbell, Evans, Turner, Parker, Collins, Edwards, Stewart, Morris, Murphy, Cook,
  Rogers, Morgan, Cooper, Peterson, Bailey, Reed, Kelly, Howard, Ward, Richardson, Watson, Brooks, Wood,
  Bennett, Gray, Hughes, Price, Sanders, Patel, Singh, Chen, Wang, Tanaka, Sato, Haddad, Okafor, Mensah,
  Andersson, Johansson, Larsen, Novák, Horváth, Kovačić, Yılmaz, Çelik, Sánchez, Fernández, Da Silva,
  Van der Berg, Ó Súilleabháin`);

export const cities: readonly (readonly [string, string])[] = list(`
  Boston/MA, Springfield/IL, Portland/OR, Austin/TX, Madison/WI, Denver/CO, Raleigh/NC, Tucson/AZ,
  Albany/NY, Savannah/GA`).map((s) => {
  const [city = '', state = ''] = s.split('/');
  return [city, state] as const;
});
