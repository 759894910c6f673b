/** Shared between the tour's button and its card: the card's id, and the attribute that marks the button. */
export const TOUR_DIALOG_ID = 'tour-dialog';
export const TOUR_BUTTON_ATTR = 'data-tour-button';
