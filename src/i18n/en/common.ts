export const common = {
  'app.title': 'ResNeXt Explorer',
} as const;
