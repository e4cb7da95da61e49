// The portal's only script: drag-and-drop onto the file input, a busy state while uploading, and following an upload
// until the pipeline has recorded it. Every page works without it (plain forms and links).
(() => {
  'use strict';

  const megabytes = (bytes) => (bytes / (1024 * 1024)).toLocaleString('es-CL', { maximumFractionDigits: 1 }) + ' MB';

  for (const zone of document.querySelectorAll('[data-dropzone]')) {
    const input = zone.querySelector('input[type=file]');
    const status = zone.querySelector('[data-file-name]');
    const max = Number(zone.dataset.maxBytes || 0);
    const show = () => {
      const file = input.files && input.files[0];
      if (!file) {
        status.textContent = 'Ningún archivo elegido.';
        zone.classList.remove('chosen', 'too-large');
        return;
      }
      const tooLarge = max > 0 && file.size > max;
      zone.classList.toggle('chosen', !tooLarge);
      zone.classList.toggle('too-large', tooLarge);
      status.textContent = tooLarge
        ? `«${file.name}» pesa ${megabytes(file.size)}: supera el máximo de ${megabytes(max)} y será rechazado.`
        : `Archivo elegido: «${file.name}» (${megabytes(file.size)}).`;
    };
    input.addEventListener('change', show);
    for (const type of ['dragenter', 'dragover']) {
      zone.addEventListener(type, (event) => { event.preventDefault(); zone.classList.add('dragging'); });
    }
    for (const type of ['dragleave', 'dragend']) {
      zone.addEventListener(type, () => zone.classList.remove('dragging'));
    }
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('dragging');
      if (event.dataTransfer && event.dataTransfer.files.length > 0) {
        input.files = event.dataTransfer.files;
        show();
      }
    });
  }

  for (const form of document.querySelectorAll('form[data-busy]')) {
    form.addEventListener('submit', () => {
      const button = form.querySelector('button[type=submit]');
      if (button) {
        button.setAttribute('aria-disabled', 'true');
        button.classList.add('busy');
        button.textContent = form.dataset.busy;
      }
    });
  }

  const pending = document.querySelector('[data-poll]');
  if (pending) {
    let attempts = 0;
    const tick = async () => {
      attempts += 1;
      try {
        const response = await fetch(pending.dataset.poll, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        if (response.ok) {
          const state = await response.json();
          if (state.state === 'recorded') {
            window.location.reload();
            return;
          }
        }
      } catch {
        // A network hiccup: try again on the next tick.
      }
      if (attempts === 40) {
        const late = pending.querySelector('[data-poll-timeout]');
        if (late) late.hidden = false;
      }
      if (attempts < 200) {
        window.setTimeout(tick, attempts < 40 ? 1000 : 5000);
      }
    };
    window.setTimeout(tick, 500);
  }
})();
