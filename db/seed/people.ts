/**
 * Households and their members: size, who is who (head, spouse, children, parents…), ages consistent
 * within the family, names, phones, special-group tags and key persons. Pure: one household from one
 * random stream. Identity numbers are attached later (they must be unique across the district).
 *
 * Sources of the shapes: China's 2020 census age pyramid (5-year bands), Beijing's average household
 * size of about 2.3 (urban households smaller, village ones larger), a sex ratio near 105.
 */
import { pickGivenName, pickSurname, pickWorkUnit } from "./names";
import { weightedPicker, type Rng } from "./random";

/** Ages are counted at this date, so the same seed gives the same people whatever day it is run. */
export const REFERENCE_DATE = Date.UTC(2025, 5, 30);
const DAY = 86_400_000;

/** 2020 census, share (%) of each 5-year age band from 0–4 to 85+. */
const AGE_BANDS: [number, number][] = [
  [0, 5.5],
  [5, 6.2],
  [10, 6.3],
  [15, 5.3],
  [20, 5.3],
  [25, 6.5],
  [30, 8.6],
  [35, 7.0],
  [40, 6.6],
  [45, 8.1],
  [50, 8.6],
  [55, 7.2],
  [60, 5.2],
  [65, 5.5],
  [70, 3.8],
  [75, 2.4],
  [80, 1.6],
  [85, 1.1],
];
const pickBand = weightedPicker(AGE_BANDS.map(([start, w]) => [start, w] as const));

/** An age drawn from the census pyramid within [min, max]. */
export function pyramidAge(rng: Rng, min: number, max: number): number {
  for (let i = 0; i < 50; i++) {
    const start = pickBand(rng);
    const age = start + Math.floor(rng.next() * (start === 85 ? 12 : 5));
    if (age >= min && age <= max) return age;
  }
  return rng.int(min, max);
}

export type Relation = "head" | "spouse" | "child" | "parent" | "grandchild" | "sibling" | "other";
export type Gender = "M" | "F";

export type Member = {
  name: string;
  gender: Gender;
  /** YYYY-MM-DD */
  birthDate: string;
  age: number;
  relation: Relation;
  tags: string[];
  keyPerson: boolean;
  phone: string | null;
};

export type HouseholdDraft = {
  type: "family" | "collective";
  registration: "registered" | "floating";
  workUnit: string | null;
  members: Member[];
};

const URBAN_SIZES = weightedPicker<number>([
  [1, 32],
  [2, 35],
  [3, 21],
  [4, 8],
  [5, 2.5],
  [6, 1.5],
]);
const VILLAGE_SIZES = weightedPicker<number>([
  [1, 22],
  [2, 32],
  [3, 23],
  [4, 13],
  [5, 6],
  [6, 4],
]);

const PHONE_PREFIXES = [
  "130",
  "131",
  "132",
  "133",
  "134",
  "135",
  "136",
  "137",
  "138",
  "139",
  "150",
  "151",
  "152",
  "153",
  "155",
  "156",
  "157",
  "158",
  "159",
  "166",
  "176",
  "177",
  "178",
  "180",
  "181",
  "182",
  "183",
  "184",
  "185",
  "186",
  "187",
  "188",
  "189",
  "198",
  "199",
];

export function mobilePhone(rng: Rng): string {
  return rng.pick(PHONE_PREFIXES) + String(Math.floor(rng.next() * 1e8)).padStart(8, "0");
}

function birthDateFor(rng: Rng, age: number): string {
  // Someone aged `age` on the reference date was born in the year before their last birthday.
  const latest = REFERENCE_DATE - age * 365.2425 * DAY;
  return new Date(latest - Math.floor(rng.next() * 365) * DAY).toISOString().slice(0, 10);
}

type Person = { gender: Gender; age: number; relation: Relation; surname?: string };

/** Who lives together: the relations, genders and ages of one household of `size`. */
function compose(rng: Rng, size: number, village: boolean): { people: Person[]; singleParent: boolean } {
  const child = (motherAge: number): Person => ({
    gender: rng.chance(0.535) ? "M" : "F",
    age: Math.max(0, motherAge - rng.int(22, 36)),
    relation: "child",
  });
  const couple = (minAge: number, maxAge: number): Person[] => {
    const headMale = rng.chance(0.72);
    const age = pyramidAge(rng, minAge, maxAge);
    const spouseAge = Math.max(20, Math.min(99, age + (headMale ? -rng.int(0, 4) : rng.int(0, 4))));
    return [
      { gender: headMale ? "M" : "F", age, relation: "head" },
      { gender: headMale ? "F" : "M", age: spouseAge, relation: "spouse" },
    ];
  };
  const mother = (c: Person[]) => (c[0].gender === "F" ? c[0].age : c[1].age);
  const parentsOf = (headAge: number, n: number): Person[] => {
    const a = Math.min(99, headAge + rng.int(22, 34));
    const both: Person[] = [
      { gender: "M", age: a, relation: "parent" },
      { gender: "F", age: Math.max(headAge + 20, a - rng.int(0, 4)), relation: "parent" },
    ];
    return n === 2 ? both : [rng.chance(0.55) ? both[1] : both[0]];
  };
  const x = rng.next();
  switch (size) {
    case 1: {
      const age = pyramidAge(rng, 18, 99);
      // Young singles are mostly men (migrant workers); elderly singles mostly widows.
      return {
        people: [{ gender: rng.chance(age >= 60 ? 0.42 : 0.64) ? "M" : "F", age, relation: "head" }],
        singleParent: false,
      };
    }
    case 2: {
      if (x < 0.66) return { people: couple(22, 95), singleParent: false };
      if (x < 0.71) {
        const head: Person = { gender: rng.chance(0.3) ? "M" : "F", age: pyramidAge(rng, 26, 55), relation: "head" };
        return { people: [head, child(head.age)], singleParent: true };
      }
      if (x < 0.9 || !village) {
        const head: Person = { gender: rng.chance(0.5) ? "M" : "F", age: pyramidAge(rng, 40, 66), relation: "head" };
        return { people: [head, ...parentsOf(head.age, 1)], singleParent: false };
      }
      // 留守: a grandparent raising a grandchild while the parents work in the city.
      const head: Person = { gender: rng.chance(0.45) ? "M" : "F", age: pyramidAge(rng, 55, 78), relation: "head" };
      return {
        people: [head, { gender: rng.chance(0.535) ? "M" : "F", age: rng.int(2, 15), relation: "grandchild" }],
        singleParent: false,
      };
    }
    case 3: {
      if (x < 0.84) {
        const c = couple(24, 62);
        return { people: [...c, child(mother(c))], singleParent: false };
      }
      if (x < 0.96) {
        const c = couple(30, 60);
        return { people: [...c, ...parentsOf(c[0].age, 1)], singleParent: false };
      }
      const head: Person = { gender: rng.chance(0.3) ? "M" : "F", age: pyramidAge(rng, 30, 52), relation: "head" };
      return { people: [head, child(head.age), child(head.age)], singleParent: true };
    }
    case 4: {
      const c = couple(28, 60);
      if (x < 0.45) return { people: [...c, child(mother(c)), child(mother(c))], singleParent: false };
      if (x < 0.85) return { people: [...c, child(mother(c)), ...parentsOf(c[0].age, 1)], singleParent: false };
      const k = child(mother(c));
      k.age = Math.max(k.age, 24);
      return {
        people: [...c, k, { gender: k.gender === "M" ? "F" : "M", age: k.age + rng.int(-3, 3), relation: "other" }],
        singleParent: false,
      };
    }
    default: {
      const c = couple(size === 5 ? 30 : 34, 58);
      const people = [...c];
      if (x < 0.55) {
        people.push(child(mother(c)), ...parentsOf(c[0].age, 2));
        if (size === 6) people.push(child(mother(c)));
      } else {
        // Three generations: a grown child, their spouse and grandchildren.
        const c2 = c.map((p) => ({ ...p, age: Math.max(p.age, 50 + rng.int(0, 12)) }));
        people.splice(0, 2, ...c2);
        const k = child(mother(c2));
        k.age = Math.max(24, Math.min(k.age, 40));
        const kSpouse: Person = {
          gender: k.gender === "M" ? "F" : "M",
          age: Math.max(22, k.age + rng.int(-3, 3)),
          relation: "other",
        };
        people.push(k, kSpouse);
        const kMother = k.gender === "F" ? k.age : kSpouse.age;
        while (people.length < size)
          people.push({
            gender: rng.chance(0.535) ? "M" : "F",
            age: Math.max(0, kMother - rng.int(22, 34)),
            relation: "grandchild",
          });
      }
      return { people: people.slice(0, size), singleParent: false };
    }
  }
}

export type HouseholdContext = {
  village: boolean;
  registration: "registered" | "floating";
  collective: boolean;
  /** City name for employers' names ("北京"). */
  place: string;
};

/** One household and its members (without identity numbers). */
export function draftHousehold(rng: Rng, ctx: HouseholdContext): HouseholdDraft {
  let people: Person[];
  let singleParent = false;
  if (ctx.collective) {
    // 集体户: unrelated adults sharing a rented flat or a dormitory.
    const n = rng.int(2, 6);
    people = Array.from(
      { length: n },
      (_, i) => ({ gender: rng.chance(0.62) ? "M" : "F", age: rng.int(18, 48), relation: i === 0 ? "head" : "other" }) as Person,
    );
  } else {
    const size = ctx.village ? VILLAGE_SIZES(rng) : URBAN_SIZES(rng);
    ({ people, singleParent } = compose(rng, size, ctx.village));
  }

  // Surnames: children take the father's (mostly), spouses and in-laws keep their own.
  const head = people[0];
  const headSurname = pickSurname(rng);
  const spouse = people.find((p) => p.relation === "spouse");
  const spouseSurname = pickSurname(rng);
  const father = head.gender === "M" ? headSurname : spouse ? spouseSurname : headSurname;
  for (const p of people) {
    if (p.relation === "head") p.surname = headSurname;
    else if (p.relation === "spouse") p.surname = spouseSurname;
    else if (p.relation === "child") p.surname = rng.chance(0.93) ? father : head.gender === "F" ? headSurname : spouseSurname;
    else if (p.relation === "parent") p.surname = p.gender === "M" ? headSurname : pickSurname(rng);
    else if (p.relation === "grandchild") p.surname = rng.chance(0.8) ? father : pickSurname(rng);
    else p.surname = pickSurname(rng);
  }

  const householdTags: string[] = [];
  if (ctx.registration === "registered" && !ctx.collective) {
    if (rng.chance(ctx.village ? 0.022 : 0.009)) householdTags.push("低保户");
    else if (rng.chance(ctx.village ? 0.025 : 0.012)) householdTags.push("低收入");
  }
  // 空巢老人: an elderly person living alone.
  const livingAlone = people.length === 1 && people[0].age >= 60 && !ctx.collective;

  const members: Member[] = people.map((p) => {
    const birthDate = birthDateFor(rng, p.age);
    const tags = [...householdTags];
    if (singleParent && (p.relation === "head" || p.age < 18)) tags.push("单亲");
    if (rng.chance(p.age >= 60 ? 0.035 : 0.01)) tags.push("残疾人");
    if (livingAlone) tags.push("空巢老人");
    if (ctx.registration === "registered" && p.age >= 30 && p.age < 60 && rng.chance(0.02)) tags.push("下岗失业");
    if (ctx.village && ctx.registration === "registered" && p.age >= 18 && p.age <= 50 && rng.chance(0.08)) tags.push("外出务工");
    const corrected = p.age >= 18 && p.age <= 65 && rng.chance(0.0003);
    if (corrected) tags.push("矫正对象");
    const keyPerson = corrected || (p.age >= 18 && p.age <= 75 && rng.chance(0.0008));
    const hasPhone = p.age >= 16 ? rng.chance(p.age > 80 ? 0.5 : 0.96) : p.age >= 12 && rng.chance(0.3);
    return {
      name: p.surname! + pickGivenName(rng, p.gender, Number(birthDate.slice(0, 4))),
      gender: p.gender,
      birthDate,
      age: p.age,
      relation: p.relation,
      tags,
      keyPerson,
      phone: hasPhone ? mobilePhone(rng) : null,
    };
  });
  const working = head.age >= 18 && head.age < 60 && !members[0].tags.includes("下岗失业");
  return {
    type: ctx.collective ? "collective" : "family",
    registration: ctx.registration,
    workUnit: working ? pickWorkUnit(rng, ctx.place, ctx.village) : null,
    members,
  };
}

/**
 * Unique identity numbers: sequence codes are handed out per (birth date, gender) in processing order;
 * when a day's 499/500 codes run out, the birth date moves on by a day (a few days at most at full scale).
 */
export function createIdSequencer() {
  const used = new Map<string, number>();
  return (birthDate: string, gender: Gender): { birthDate: string; ordinal: number } => {
    let date = birthDate;
    for (;;) {
      const key = date + gender;
      const n = used.get(key) ?? 0;
      if (n < (gender === "M" ? 500 : 499)) {
        used.set(key, n + 1);
        return { birthDate: date, ordinal: n };
      }
      date = new Date(Date.parse(date) + DAY).toISOString().slice(0, 10);
    }
  };
}
