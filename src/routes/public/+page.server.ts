import { readPublicFigures } from '$lib/public/source.server';

export const load = () => ({ figures: readPublicFigures() });
