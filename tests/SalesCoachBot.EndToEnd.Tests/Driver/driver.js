// The browser driver the end-to-end tests talk to: one long-lived Node process holding one headless Chromium.
// It reads one JSON request per line on stdin ({ id, op, ...args }) and answers one JSON line on stdout
// ({ id, ok: true, result } or { id, ok: false, error }). Every page it opens blocks all non-loopback requests.
// playwright-core comes from tests/tools/node_modules (NODE_PATH), installed by the test build with npm ci.
'use strict';

const readline = require('node:readline');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const chromiumPath = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const messageBox = '[role="textbox"][data-lexical-editor="true"]';
const topLevelCard = '.ac-preview-panel > .ac-adaptiveCard';
const pages = new Map();
let browser;

function isLoopback(url) {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) {
    return true;
  }
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

async function launch() {
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-default-apps',
      '--disable-sync',
      '--disable-extensions',
      '--disable-dev-shm-usage',
      '--disable-gpu',
      '--no-first-run',
      '--metrics-recording-only',
      '--mute-audio',
    ],
  });
}

function page(name) {
  const entry = pages.get(name);
  if (!entry) {
    throw new Error(`No page named ${name}; open it first.`);
  }
  return entry.page;
}

/** The last top-level card whose text contains every one of the given texts. */
function card(p, texts) {
  let cards = p.locator(topLevelCard);
  for (const text of [].concat(texts || [])) {
    cards = cards.filter({ hasText: text });
  }
  return cards.last();
}

const ops = {
  async open({ page: name, url, timeoutMs = 60000 }) {
    await ops.close({ page: name });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC', locale: 'en-US' });
    const blocked = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLoopback(url)) {
        return route.continue();
      }
      blocked.push(url);
      return route.abort();
    });
    const p = await context.newPage();
    p.setDefaultTimeout(timeoutMs);
    pages.set(name, { context, page: p, blocked });
    await p.goto(url, { waitUntil: 'domcontentloaded' });
    await p.locator(messageBox).first().waitFor({ state: 'visible' });
    return { blocked: blocked.length };
  },

  async close({ page: name }) {
    const entry = pages.get(name);
    if (entry) {
      pages.delete(name);
      await entry.context.close().catch(() => {});
    }
    return null;
  },

  /** Types a message in the chat's box and sends it with Enter. */
  async say({ page: name, text }) {
    const p = page(name);
    const box = p.locator(messageBox).first();
    await box.click();
    await p.keyboard.type(text);
    await p.keyboard.press('Enter');
    // The box empties once the message is posted.
    await p.waitForFunction((selector) => (document.querySelector(selector)?.textContent ?? '').trim() === '', messageBox);
    return null;
  },

  /** In a team channel: starts a new post that @mentions someone (picked from the mention list), then posts it. */
  async post({ page: name, mention, text }) {
    const p = page(name);
    const box = p.locator(messageBox).first();
    await box.click();
    await p.keyboard.type('@');
    await p.locator('[role="listbox"]').getByText(mention, { exact: true }).first().click();
    await p.keyboard.type(` ${text}`);
    await p.getByRole('button', { name: 'Post', exact: true }).click();
    await p.waitForFunction((selector) => (document.querySelector(selector)?.textContent ?? '').trim() === '', messageBox);
    return null;
  },

  /** Waits for a card whose text contains every one of the texts; returns the card's text. */
  async waitCard({ page: name, texts, timeoutMs = 30000 }) {
    const c = card(page(name), texts);
    await c.waitFor({ state: 'visible', timeout: timeoutMs });
    return await c.innerText();
  },

  /** Waits until the given text is visible anywhere in the page (a plain message, a card, a channel name). */
  async waitText({ page: name, text, timeoutMs = 30000 }) {
    await page(name).getByText(text, { exact: false }).last().waitFor({ state: 'visible', timeout: timeoutMs });
    return null;
  },

  /** Counts the top-level cards that contain every one of the texts. */
  async countCards({ page: name, texts }) {
    let cards = page(name).locator(topLevelCard);
    for (const text of [].concat(texts || [])) {
      cards = cards.filter({ hasText: text });
    }
    return await cards.count();
  },

  /** Clicks a button (by its exact title) in the last card containing the texts. */
  async click({ page: name, texts, button }) {
    const c = card(page(name), texts);
    await c.getByRole('button', { name: button, exact: true }).last().click();
    return null;
  },

  /** Fills a text input, found by its label or placeholder, in the last card containing the texts. */
  async fill({ page: name, texts, label, value }) {
    const c = card(page(name), texts);
    const byLabel = c.getByLabel(label, { exact: false }).first();
    await byLabel.fill(value);
    return null;
  },

  /**
   * Picks a date in a date input (the Playground's calendar pop-up), by the input's label: opens the calendar, goes
   * forward month by month until the day's button (labelled "15, December, 2026") shows, clicks it.
   */
  async pickDate({ page: name, texts, label, day, month, year }) {
    const p = page(name);
    const input = card(p, texts).getByLabel(label, { exact: false }).first();
    await input.click();
    const dialog = p.locator('[role="dialog"]').last();
    await dialog.waitFor({ state: 'visible' });
    const dayButton = dialog.locator(`button[aria-label="${day}, ${month}, ${year}"]`);
    for (let i = 0; i < 24 && (await dayButton.count()) === 0; i++) {
      await dialog.locator('button[title="Next month"]').first().click();
    }
    await dayButton.first().click();
    await dialog.waitFor({ state: 'hidden' }).catch(() => p.keyboard.press('Escape'));
    return await input.inputValue();
  },

  /** Ticks a checkbox, by its label, in the last card containing the texts. */
  async check({ page: name, texts, label }) {
    await card(page(name), texts).getByLabel(label, { exact: false }).first().check();
    return null;
  },

  /** The images of the last card containing the texts, once each has finished loading (or failed). */
  async images({ page: name, texts, timeoutMs = 30000 }) {
    const c = card(page(name), texts);
    await c.waitFor({ state: 'visible', timeout: timeoutMs });
    await c.locator('img').first().waitFor({ state: 'attached', timeout: timeoutMs });
    await page(name).waitForFunction(
      (el) => Array.from(el.querySelectorAll('img')).every((img) => img.complete),
      await c.elementHandle(),
      { timeout: timeoutMs },
    );
    return await c.locator('img').evaluateAll((imgs) => imgs.map((img) => ({ src: img.src.slice(0, 200), naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight })));
  },

  /** Clicks an item of the Playground's left pane (a chat or a team channel) by its name. */
  async openConversation({ page: name, title }) {
    const p = page(name);
    await p.getByText(title, { exact: true }).first().click();
    await p.locator(messageBox).first().waitFor({ state: 'visible' });
    return null;
  },

  /** Runs a script in the page; for looking around. */
  async evaluate({ page: name, script }) {
    return await page(name).evaluate(script);
  },

  /** The visible text of the conversation: for failure messages. */
  async transcript({ page: name }) {
    const cards = await page(name).locator(topLevelCard).allInnerTexts();
    return cards.slice(-6).join('\n-----\n');
  },

  async screenshot({ page: name, path: file }) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page(name).screenshot({ path: file, fullPage: false });
    return file;
  },

  /**
   * Parses Adaptive Cards with the npm adaptivecards renderer (its browser build, loaded into a blank page), and
   * returns, per card, every warning and error its SerializationContext collected, plus whether it rendered.
   */
  async parseCards({ cards, script }) {
    const context = await browser.newContext();
    await context.route('**/*', (route) => (isLoopback(route.request().url()) ? route.continue() : route.abort()));
    try {
      const p = await context.newPage();
      await p.setContent('<!doctype html><html><body><div id="host"></div></body></html>');
      await p.addScriptTag({ path: script });
      return await p.evaluate((list) => {
        const AC = window.AdaptiveCards;
        return list.map(({ name, json }) => {
          const events = [];
          const context = new AC.SerializationContext();
          const adaptiveCard = new AC.AdaptiveCard();
          try {
            adaptiveCard.parse(JSON.parse(json), context);
          } catch (e) {
            events.push(`parse threw: ${e && e.message}`);
          }
          for (let i = 0; i < context.eventCount; i++) {
            const event = context.getEventAt(i);
            events.push(`${AC.ValidationPhase[event.phase]} ${AC.ValidationEvent[event.event]}: ${event.message}`);
          }
          for (const event of adaptiveCard.validateProperties().validationEvents) {
            events.push(`validation ${AC.ValidationEvent[event.event]}: ${event.message}`);
          }
          let rendered = false;
          try {
            rendered = adaptiveCard.render() instanceof HTMLElement;
          } catch (e) {
            events.push(`render threw: ${e && e.message}`);
          }
          return { name, events, rendered };
        });
      }, cards);
    } finally {
      await context.close();
    }
  },
};

async function main() {
  await launch();
  const out = (message) => process.stdout.write(JSON.stringify(message) + '\n');
  out({ ready: true, version: browser.version() });
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (!line.trim()) {
      continue;
    }
    let request;
    try {
      request = JSON.parse(line);
    } catch (e) {
      out({ id: null, ok: false, error: `bad request: ${e.message}` });
      continue;
    }
    const op = ops[request.op];
    if (!op) {
      out({ id: request.id, ok: false, error: `unknown op ${request.op}` });
      continue;
    }
    try {
      const result = await op(request);
      out({ id: request.id, ok: true, result: result === undefined ? null : result });
    } catch (e) {
      out({ id: request.id, ok: false, error: String((e && e.stack) || e) });
    }
  }
  await browser.close();
}

main().catch(async (e) => {
  process.stderr.write(`driver failed: ${(e && e.stack) || e}\n`);
  if (browser) {
    await browser.close().catch(() => {});
  }
  process.exit(1);
});
