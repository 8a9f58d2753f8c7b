/** What the list and the flowsheet say in place of observations the user's access does not include. */
export const OBSERVATIONS_NOT_PERMITTED =
  'Observations are outside your access. Your account may view patient details only.';
