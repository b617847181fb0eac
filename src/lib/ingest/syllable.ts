/**
 * Is a word a Vietnamese syllable? Used only to tell legacy encodings apart: the right
 * decoding of a file gives real syllables, a wrong one gives letters in impossible places.
 */

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const INITIAL = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?/;
const FINAL = /(ch|ng|nh|[cmnpt])$/;
/** Vowel nuclei of Vietnamese, without tone marks. */
const NUCLEI = new Set(('a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ ưa ưi ưu ươ uy ' + 'yê iêu oai oay oao oeo uây uôi ươi ươu uya uyê uyu yêu').split(' '));

export function isVietnameseWord(word: string): boolean {
	const decomposed = word.toLowerCase().normalize('NFD');
	const tones = decomposed.match(TONES)?.length ?? 0;
	if (tones > 1) return false;
	const bare = decomposed.replace(TONES, '').normalize('NFC');
	if (!/^[a-zăâđêôơưy]+$/.test(bare)) return false;
	const body = bare.replace(INITIAL, '');
	const nucleus = body.replace(FINAL, '');
	// "gi" and "qu" lend their vowel to the initial: "gì", "quả".
	return NUCLEI.has(nucleus) || (nucleus === '' && /^gi/.test(bare));
}
