import type { Gender } from '../../common/enums.js';
import { checkChar } from '../../common/idNumber.js';
import type { Rng } from './rng.js';

// Realistic people for demo data: names by surname frequency, ID numbers that pass GB 11643 and carry
// the person's birth date and gender, mainland mobile numbers. Later generators reuse these (family
// members, visitors, payees) so every name in the demo looks alike.

// The most common surnames with their approximate share in percent (2020 census order).
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 7.1],
  ['李', 6.8],
  ['张', 6.5],
  ['刘', 5.3],
  ['陈', 4.6],
  ['杨', 3.1],
  ['黄', 2.4],
  ['赵', 2.3],
  ['吴', 2.0],
  ['周', 1.9],
  ['徐', 1.6],
  ['孙', 1.5],
  ['马', 1.4],
  ['朱', 1.3],
  ['胡', 1.3],
  ['郭', 1.2],
  ['何', 1.2],
  ['林', 1.1],
  ['高', 1.1],
  ['罗', 1.1],
  ['郑', 1.0],
  ['梁', 1.0],
  ['谢', 0.8],
  ['宋', 0.8],
  ['唐', 0.8],
  ['许', 0.7],
  ['韩', 0.7],
  ['邓', 0.7],
  ['冯', 0.7],
  ['曹', 0.7],
  ['彭', 0.6],
  ['曾', 0.6],
  ['肖', 0.6],
  ['田', 0.6],
  ['董', 0.5],
  ['潘', 0.5],
  ['袁', 0.5],
  ['蔡', 0.5],
  ['蒋', 0.5],
  ['余', 0.5],
  ['于', 0.5],
  ['杜', 0.5],
  ['叶', 0.5],
  ['程', 0.5],
  ['魏', 0.4],
  ['苏', 0.4],
  ['吕', 0.4],
  ['丁', 0.4],
  ['任', 0.4],
  ['卢', 0.4],
  ['姚', 0.4],
  ['沈', 0.4],
  ['钟', 0.4],
  ['姜', 0.4],
  ['崔', 0.4],
  ['谭', 0.4],
  ['陆', 0.3],
  ['范', 0.3],
  ['汪', 0.3],
  ['廖', 0.3],
  ['石', 0.3],
  ['金', 0.3],
  ['韦', 0.3],
  ['贾', 0.3],
  ['夏', 0.3],
  ['付', 0.3],
  ['方', 0.3],
  ['邹', 0.3],
  ['熊', 0.3],
  ['白', 0.3],
  ['孟', 0.3],
  ['秦', 0.3],
  ['邱', 0.3],
  ['侯', 0.3],
  ['江', 0.3],
  ['尹', 0.2],
  ['薛', 0.2],
  ['闫', 0.2],
  ['段', 0.2],
  ['雷', 0.2],
  ['龙', 0.2],
  ['黎', 0.2],
  ['史', 0.2],
  ['陶', 0.2],
  ['贺', 0.2],
  ['毛', 0.2],
  ['郝', 0.2],
  ['顾', 0.2],
  ['龚', 0.2],
  ['邵', 0.2],
  ['万', 0.2],
  ['武', 0.2],
  ['钱', 0.2],
  ['戴', 0.2],
  ['严', 0.2],
  ['孔', 0.2],
  ['向', 0.2],
  ['常', 0.1],
  ['欧阳', 0.05],
  ['上官', 0.02],
  ['司马', 0.01],
];

const MALE_CHARS = [
  ...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建国峰亮成晨博文志海东兴良振毅坤昊然轩哲睿立新锋翔宏彬嘉',
];
const FEMALE_CHARS = [
  ...'芳娜敏静丽艳娟霞秀玲桂英燕萍红洁琳莉婷雪慧颖倩琴云莹欣佳怡悦璐晶妍茜蕾薇梅兰丹琪瑶雯馨露岚月婕晴',
];
const SHARED_CHARS = [...'晓子文宇思嘉一雨安春秋永小如海天'];

export function personName(rng: Rng, gender: Gender): string {
  const surname = rng.weighted(SURNAMES);
  const own = gender === 'male' ? MALE_CHARS : FEMALE_CHARS;
  const char = () => (rng.chance(0.2) ? rng.pick(SHARED_CHARS) : rng.pick(own));
  // About one in four given names is a single character (王磊), the rest two (王晓燕); doubled
  // characters (婷婷) are a girls' name habit.
  if (rng.chance(0.25)) return surname + rng.pick(own);
  const first = char();
  if (gender === 'female' && rng.chance(0.06)) return surname + first + first;
  let second = rng.pick(own);
  while (second === first) second = rng.pick(own);
  return surname + first + second;
}

// Region codes: most staff were born in the hospital's own prefecture (扬州 3210xx stands in for
// 示范市), the rest across the province and beyond.
const REGIONS: readonly (readonly [string, number])[] = [
  ['321002', 20],
  ['321003', 18],
  ['321012', 12],
  ['321023', 8],
  ['321081', 8],
  ['321084', 8],
  ['320102', 3],
  ['320106', 3],
  ['320583', 2],
  ['321202', 3],
  ['321302', 3],
  ['320902', 2],
  ['340104', 2],
  ['410105', 2],
  ['370102', 1],
  ['420106', 1],
  ['510104', 1],
  ['230103', 1],
  ['360102', 1],
  ['130102', 1],
];

/** A valid 18-digit ID number (GB 11643) for this birth date (YYYY-MM-DD) and gender. */
export function idNumberFor(rng: Rng, birthDate: string, gender: Gender): string {
  const region = rng.weighted(REGIONS);
  // The 17th digit is odd for men, even for women.
  const parity = rng.int(0, 4) * 2 + (gender === 'male' ? 1 : 0);
  const first17 = `${region}${birthDate.replaceAll('-', '')}${String(rng.int(0, 99)).padStart(2, '0')}${parity}`;
  return first17 + checkChar(first17);
}

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '173',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

export function mobileNumber(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

/** An ID number not yet in `taken` (two people may share a name and birthday, never a number); adds it. */
export function uniqueIdNumber(rng: Rng, taken: Set<string>, birthDate: string, gender: Gender): string {
  for (;;) {
    const id = idNumberFor(rng, birthDate, gender);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}
