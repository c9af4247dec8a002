#!/usr/bin/env node
// Checks Adaptive Cards with the official JavaScript renderer (npm adaptivecards, its UMD build, which loads in Node
// without a DOM), configured as Microsoft Teams configures it, and reports every event the renderer raises:
//  - while parsing (SerializationContext): unknown element or action types (which Teams replaces by their fallback,
//    or drops), invalid property values (which it replaces by the default), properties newer than the target version;
//  - from validateProperties(): duplicate ids, more actions than the host shows, a card version it cannot show,
//    required values left empty, interactivity where the host allows none.
// Parsing and validating need no DOM; rendering does, and is left to the end-to-end tests in Chromium.
//
// Target: Adaptive Cards 1.5, the version Teams shows and our cards declare.
// Host config: teams-host-config.json beside this file, Teams' own host config as the Adaptive Cards designer ships
// it: adaptivecards-designer 2.4.4 (npm, MIT licence, (c) Microsoft), lib/hostConfigs/microsoft-teams-light.json,
// copied unchanged (sha256 668be6974eb3fe0f963e1b4bedeb24aaa1cdf55c8d31ab834d0dd779e0280ab8). It is copied rather
// than installed because that package wants adaptivecards 2.x, monaco-editor and more as peer dependencies.
// The light and dark files differ only in colours, which no check here reads.
//
// Protocol, one JSON object per line: it prints {"ready":true,...} once, then answers each request
// {"id":1,"json":"<the card as JSON text>"} with {"id":1,"problems":["..."]} (empty when the renderer has nothing to
// say). It ends when its standard input closes, so it never outlives the test run that started it.
"use strict";
const path = require("path");
const readline = require("readline");
const AC = require("adaptivecards/dist/adaptivecards.min.js");
const { version: adaptiveCardsVersion } = require("adaptivecards/package.json");
const teamsHostConfig = new AC.HostConfig(require(path.join(__dirname, "teams-host-config.json")));
const targetVersion = AC.Versions.v1_5;

function describe(source) {
  if (!source || typeof source.getJsonTypeName !== "function") {
    return "";
  }
  const id = source.id ? ` "${source.id}"` : "";
  return ` at ${source.getJsonTypeName()}${id}`;
}

function problemsOf(json) {
  let payload;
  try {
    payload = JSON.parse(json);
  } catch (e) {
    return [`not JSON: ${e.message}`];
  }

  const card = new AC.AdaptiveCard();
  card.hostConfig = teamsHostConfig;
  // Without this the card version is checked against the newest the library knows (1.6), not what Teams shows.
  card.maxVersion = targetVersion;
  const context = new AC.SerializationContext(targetVersion);
  const problems = [];
  try {
    card.parse(payload, context);
  } catch (e) {
    return [`the renderer could not parse the card: ${e && e.message}`];
  }

  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`${AC.ValidationPhase[event.phase]} ${AC.ValidationEvent[event.event]}${describe(event.source)}: ${event.message}`);
  }
  for (const event of card.validateProperties().validationEvents) {
    problems.push(`Validation ${AC.ValidationEvent[event.event]}${describe(event.source)}: ${event.message}`);
  }
  return problems;
}

function answer(message) {
  process.stdout.write(JSON.stringify(message) + "\n");
}

answer({ ready: true, adaptivecards: adaptiveCardsVersion, target: targetVersion.toString(), host: "Microsoft Teams" });
const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on("line", (line) => {
  if (!line.trim()) {
    return;
  }
  let request;
  try {
    request = JSON.parse(line);
  } catch (e) {
    answer({ id: null, error: `bad request: ${e.message}` });
    return;
  }
  answer({ id: request.id, problems: problemsOf(request.json) });
});
lines.on("close", () => process.exit(0));
