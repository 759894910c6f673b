/**
 * True only in the bundle the browser tests use (and in the unit tests); false in the production build, which
 * then holds no test hook (src/app/backend/testHooks.ts).
 */
declare const __TEST_HOOKS__: boolean;
