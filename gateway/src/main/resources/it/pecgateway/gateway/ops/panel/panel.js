// The holder's panel. No framework, no external file, no inline code (the CSP allows only this file), and text
// always set with textContent, never parsed as HTML. The session lives in an HttpOnly cookie; every change carries
// the session's CSRF token.
'use strict';

const state = { csrf: null };
const $ = (id) => document.getElementById(id);

function show(id) {
  for (const s of ['login-section', 'link-section', 'dashboard']) {
    $(s).hidden = s !== id;
  }
  $('logout').hidden = id !== 'dashboard';
}

function say(text, ok) {
  $('message').textContent = text;
  $('message').className = ok ? 'ok' : 'error';
}

async function call(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (state.csrf && method !== 'GET') {
    headers['X-CSRF-Token'] = state.csrf;
  }
  const response = await fetch(path, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const data = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const problems = data.problems ? ': ' + data.problems.join('; ') : '';
    throw new Error((data.message || ('error ' + response.status)) + problems);
  }
  return data;
}

function handle(formId, work) {
  $(formId).addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const text = await work();
      if (text) {
        say(text, true);
      }
    } catch (e) {
      say(e.message, false);
    }
  });
}

function bytes(n) {
  if (n < 1024) return n + ' B';
  if (n < 1048576) return (n / 1024).toFixed(1) + ' KiB';
  if (n < 1073741824) return (n / 1048576).toFixed(1) + ' MiB';
  return (n / 1073741824).toFixed(2) + ' GiB';
}

function day(iso) {
  return iso ? new Date(iso).toLocaleString() : 'no expiry';
}

async function loadDashboard() {
  const me = await call('GET', '/api/v1/me');
  $('who').textContent = me.address;
  $('status-state').textContent = me.state + (me.state === 'expired' ? ' (read only until ' + day(me.graceEndsAt) + ')' : '');
  $('status-expires').textContent = day(me.expiresAt);
  $('status-quota').textContent = bytes(me.quota.usedBytes) + ' of ' + (me.quota.limitBytes ? bytes(me.quota.limitBytes) : 'unlimited');
  $('status-messages').textContent = String(me.messages);
  $('policy').textContent = 'Rules: ' + me.passwordPolicy + '.';
  $('rule').value = me.settings.ordinaryMail.rule;
  $('rule-target').value = me.settings.ordinaryMail.target || '';
  const to = me.settings.arrivalNotices.to;
  const from = me.settings.arrivalNotices.onlyFrom;
  $('notice-to-1').value = to[0] || '';
  $('notice-to-2').value = to[1] || '';
  $('notice-from-1').value = from[0] || '';
  $('notice-from-2').value = from[1] || '';
  $('recovery-email').textContent = me.holder.recoveryEmail || 'none';
  $('recovery-phone').textContent = me.holder.recoveryPhone || 'none';
  $('phone-form').hidden = !me.smsAvailable;
  $('phone-confirm-form').hidden = !me.smsAvailable;
  const clients = await call('GET', '/api/v1/client-settings');
  const body = $('clients').tBodies[0];
  body.replaceChildren();
  for (const e of clients.endpoints) {
    const row = body.insertRow();
    for (const v of [e.protocol, e.host, String(e.port), e.security]) {
      row.insertCell().textContent = v;
    }
  }
  show('dashboard');
}

function filled(...ids) {
  return ids.map((id) => $(id).value.trim()).filter((v) => v !== '');
}

handle('login-form', async () => {
  const s = await call('POST', '/panel/session', { address: $('login-address').value, password: $('login-password').value });
  state.csrf = s.csrf;
  $('login-password').value = '';
  await loadDashboard();
  return 'Logged in.';
});

handle('forgot-form', async () => {
  const r = await call('POST', '/api/v1/password-reset', { address: $('forgot-address').value, taxCode: $('forgot-tax-code').value });
  return r.message;
});

handle('password-form', async () => {
  if ($('password-new').value !== $('password-repeat').value) {
    throw new Error('the two new passwords differ');
  }
  await call('PUT', '/api/v1/me/password', { current: $('password-current').value, password: $('password-new').value });
  for (const id of ['password-current', 'password-new', 'password-repeat']) {
    $(id).value = '';
  }
  return 'Password changed.';
});

handle('rule-form', async () => {
  const target = $('rule-target').value.trim();
  const s = await call('PUT', '/api/v1/me/rule', { rule: $('rule').value, target: target === '' ? null : target });
  return 'Saved: ' + s.description + '.';
});

handle('notices-form', async () => {
  const s = await call('PUT', '/api/v1/me/notices', { to: filled('notice-to-1', 'notice-to-2'), onlyFrom: filled('notice-from-1', 'notice-from-2') });
  return 'Saved: ' + s.description + '.';
});

handle('email-form', async () => (await call('POST', '/api/v1/me/recovery-email', { email: $('email-new').value })).message);
handle('phone-form', async () => (await call('POST', '/api/v1/me/recovery-phone', { phone: $('phone-new').value })).message);

handle('email-confirm-form', async () => {
  await call('POST', '/api/v1/me/recovery-email/confirm', { code: $('email-code').value });
  await loadDashboard();
  return 'Recovery e-mail changed.';
});

handle('phone-confirm-form', async () => {
  await call('POST', '/api/v1/me/recovery-phone/confirm', { code: $('phone-code').value });
  await loadDashboard();
  return 'Recovery phone changed.';
});

$('logout').addEventListener('click', async () => {
  try {
    await call('DELETE', '/panel/session');
  } finally {
    state.csrf = null;
    show('login-section');
    say('Logged out.', true);
  }
});

async function openLink(kind, token) {
  // the token stays in the page: the fragment is never sent to a server, and the address bar forgets it
  history.replaceState(null, '', location.pathname);
  const link = await call('POST', '/api/v1/password-reset/inspect', { token });
  $('link-title').textContent = kind === 'activate' ? 'Activate your mailbox' : 'Choose a new password';
  $('link-address').textContent = link.address;
  $('link-policy').textContent = 'Rules: ' + link.passwordPolicy + '.';
  $('link-accept-label').hidden = link.purpose !== 'activation';
  handle('link-form', async () => {
    if ($('link-password').value !== $('link-repeat').value) {
      throw new Error('the two passwords differ');
    }
    await call('POST', '/api/v1/password-reset/complete', { token, password: $('link-password').value,
      acceptConditions: $('link-accept').checked });
    $('login-address').value = link.address;
    show('login-section');
    return link.purpose === 'activation' ? 'Mailbox activated: log in with your new password.' : 'Password changed: log in with it.';
  });
  show('link-section');
}

async function start() {
  const fragment = new URLSearchParams(location.hash.substring(1));
  for (const kind of ['activate', 'reset']) {
    if (fragment.has(kind)) {
      try {
        await openLink(kind, fragment.get(kind));
      } catch (e) {
        show('login-section');
        say(e.message, false);
      }
      return;
    }
  }
  try {
    const s = await call('GET', '/panel/session');
    state.csrf = s.csrf;
    await loadDashboard();
  } catch (e) {
    show('login-section');
  }
}

start();
