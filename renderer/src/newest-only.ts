/**
 * For answers that may arrive out of order: each call of the returned function starts a request
 * and gives back `isNewest()`, true only while no later request has started. An older answer that
 * lands after a newer one is dropped instead of undoing it.
 */
export function newestOnly(): () => () => boolean {
  let latest = 0;
  return () => {
    const mine = ++latest;
    return () => mine === latest;
  };
}
