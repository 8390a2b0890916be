import { describe, expect, it } from 'vitest';
import { createModerator } from '../src/index.js';

// Names, places and the words of medicine, law and news that hide a rude string, and must pass.
const moderator = createModerator();

const names = [
  'Scunthorpe', 'Essex', 'Sussex', 'Middlesex', 'Dick Cheney', 'Cockburn', 'Penistone', 'Hancock', 'Clitheroe', 'Cummings',
  'Dickens', 'Hitchcock', 'Moby Dick', 'Dick Van Dyke', 'Woodcock', 'Cockermouth', 'Lesbos', 'Niger', 'Nigeria', 'Arsenal',
  'Uranus', 'Sexton', 'Gaylord', 'Dickinson', 'Twatt', 'Shitterton', 'Hoe Street', 'Butte', 'Matsushita', 'Fanny Burney',
];
const words = [
  'assassin', 'class', 'therapist', 'cocktail', 'grapes', 'analysis', 'Shiite', 'Kurdish', 'passion', 'assume', 'titanic',
  'niggle', 'snigger', 'homogeneous', 'Homo sapiens', 'Wankel engine', 'rapeseed', 'penal code', 'cumulative', 'cucumber',
  'magna cum laude', 'cocker spaniel', 'shuttlecock', 'peacock', 'sextant', 'pussy willow', 'spic and span', 'Shitake mushrooms',
  'assistant', 'bassist', 'scrapbook', 'Cockney',
];
const news = [
  'rape charges', 'sexual assault trial', 'breast cancer', 'anal fissure', 'erectile dysfunction', 'testicular cancer',
  'rectal exam', 'anal cancer', 'breastfeeding', 'sex education', 'vaginal birth',
  'rape crisis centre', 'Rape crisis centres need more funding.', 'He was convicted of rape and sexual assault in 2019.', 'The clinic treats anal fissures and rectal bleeding.',
  'Sussex police charged the Essex man with assault.', 'Shiite and Kurdish parties formed a coalition.',
];

describe('names, places and everyday words that contain a rude string pass', () => {
  it.each([...names, ...words, ...news])('%s', (text) => {
    const result = moderator.moderate(text);
    expect(result.reasons.map((r) => `${r.rule}: ${r.match}`)).toEqual([]);
    expect(result.verdict).toBe('approve');
  });
});
