/** Says what just happened, to everyone: a visible toast that screen readers also read. */
export function announce(message: string, isError = false): void {
  let region = document.getElementById('announcer');
  if (!region) {
    region = document.createElement('div');
    region.id = 'announcer';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    document.body.appendChild(region);
  }
  if (!region.dataset.dismissable) {
    region.dataset.dismissable = '1';
    region.title = 'Click to dismiss';
    region.addEventListener('click', () => region!.classList.add('toast-hidden'));
  }
  region.textContent = message;
  region.className = isError ? 'toast toast-error' : 'toast';
  window.clearTimeout(Number(region.dataset.timer));
  region.dataset.timer = String(window.setTimeout(() => region!.classList.add('toast-hidden'), isError ? 12000 : 6000));
}

/**
 * Takes the toast away at once, timer and text: on sign-out and sign-in, so whoever uses the
 * tab next never reads the last person's message.
 */
export function clearAnnouncement(): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  window.clearTimeout(Number(region.dataset.timer));
  region.textContent = '';
  region.className = 'toast toast-hidden';
}
