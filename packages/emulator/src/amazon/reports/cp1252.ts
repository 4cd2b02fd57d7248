/**
 * Encoder for Windows-1252 (Java's `Cp1252`), the charset Amazon serves EU flat files in
 * (https://github.com/amzn/selling-partner-api-models/issues/1517). Node has no built-in
 * encoder; Latin-1 covers everything except 0x80-0x9F, which this table maps. Characters
 * outside the charset become '?', as Java's encoder does.
 */
const HIGH: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

const QUESTION_MARK = 0x3f;

/** Encodes text as Windows-1252 bytes. */
export function encodeCp1252(text: string): Buffer {
  const bytes: number[] = [];

  for (const char of text) {
    const code = char.codePointAt(0) ?? QUESTION_MARK;
    const high = HIGH[char];
    if (high !== undefined) bytes.push(high);
    else if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else bytes.push(QUESTION_MARK);
  }

  return Buffer.from(bytes);
}
