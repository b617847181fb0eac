/** A small seeded PRNG (sfc32) and the draws the generator needs; same seed, same sample, on any machine. */
export class Random {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(seed: number) {
		this.a = 0x9e3779b9;
		this.b = 0x243f6a88;
		this.c = 0xb7e15162;
		this.d = seed >>> 0;
		for (let i = 0; i < 15; i++) this.next();
	}

	/** A float in [0, 1). */
	next(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return (t >>> 0) / 4294967296;
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	/** An integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** A geometric number of failures before a success: 0, 1, 2 … with mean (1 − p) / p. */
	geometric(p: number): number {
		return Math.floor(Math.log(1 - this.next()) / Math.log(1 - p));
	}
}

/** Cumulative weights for fast weighted choice by binary search. */
export class WeightedChoice<T> {
	private readonly cumulative: number[] = [];
	private readonly total: number;

	constructor(
		readonly items: readonly T[],
		weight: (item: T) => number
	) {
		let sum = 0;
		for (const item of items) {
			sum += weight(item);
			this.cumulative.push(sum);
		}
		if (!(sum > 0)) throw new Error('A weighted choice needs a positive total weight');
		this.total = sum;
	}

	pick(random: Random): T {
		const x = random.next() * this.total;
		let lo = 0;
		let hi = this.cumulative.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (this.cumulative[mid] > x) hi = mid;
			else lo = mid + 1;
		}
		return this.items[lo];
	}
}
