export const offline = {
  'offline.update.waiting': 'A new version of ResNeXt Explorer is ready.',
  'offline.update.reload': 'Reload to update',
  'offline.update.dismiss': 'Later',
  'offline.update.label': 'Update',
};
