import { runSuite } from '../runSuite';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
