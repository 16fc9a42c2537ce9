/* The room's page. Plain ES2017 for old phones, no build step, no libraries.
   Every value from the server is shown with textContent, never as HTML. */
(function () {
  "use strict";

  var STRINGS = {
    da: {
      title: "Rummet",
      joinHeading: "Velkommen i rummet",
      joinIntro: "Vælg den organisation, du er her for. Facilitatoren godkender derefter din enhed.",
      partnerLabel: "Din organisation",
      choose: "Vælg …",
      deviceLabel: "Enhedens navn (valgfrit, fx »Mettes telefon«)",
      joinButton: "Deltag",
      waitingHeading: "Venter på godkendelse",
      waitingText: "Facilitatoren godkender din enhed om et øjeblik. Siden opdaterer sig selv.",
      privateNote: "Kun du og facilitatoren ser dine elementer, indtil facilitatoren viser cirklerne ved gennemgangen.",
      othersHeading: "De andre partneres cirkler",
      boardHeading: "Tavlen",
      unsorted: "Ikke sorteret endnu",
      actionsHeading: "Næste skridt",
      actionsIntro: "Bekræft eller ret ansvarlig person og dato for jeres egne næste skridt.",
      sheetHeading: "Tag aftalerne med hjem",
      sheetLink: "Hent jeres aftaleark (PDF)",
      aboutStep: "Om trinnet",
      noStep: "Dagen er ikke gået i gang endnu. Siden følger med, når facilitatoren begynder.",
      codeLabel: "Rummets kode:",
      leave: "Skift organisation",
      partnerLine: "Du skriver for: ",
      addLabel: "Nyt element",
      add: "Tilføj",
      edit: "Ret",
      remove: "Fjern",
      save: "Gem",
      cancel: "Annullér",
      editLabel: "Ret elementet",
      removed: "Elementet er fjernet. Facilitatoren kan hente det tilbage.",
      nothingYet: "Intet endnu.",
      fromDevice: "(skrevet på en enhed)",
      owner: "Ansvarlig",
      ownerPerson: "Ansvarlig person",
      due: "Dato",
      confirm: "Bekræft",
      saved: "Gemt.",
      noDate: "ingen dato",
      withWhom: "Med hvem",
      ambition: "Ambition",
      timerIdle: "Tiden er ikke startet",
      timerPaused: "(pause)",
      timerDone: "Tiden er gået",
      offline: "Forbindelsen til facilitatorens computer er afbrudt. Prøver igen …",
      notJoined: "Enheden er ikke længere med i rummet. Vælg din organisation igen.",
      busy: "For mange forespørgsler på én gang; prøv igen om et øjeblik.",
      statusHeading: "Status på jeres aftaler",
      statusIntro: "Sæt status, lys og en kort kommentar for jeres egne aftaler fra sidste møde. Facilitatoren ser det med det samme og kan rette det.",
      statusLabel: "Status",
      lightLegend: "Lys",
      noLight: "Intet lys",
      commentLabel: "Kort kommentar (hvem sagde hvad)",
      overdue: "Overskredet",
      saveStatus: "Gem status",
      nowLabel: "Nu: ",
      noOwnActions: "Jeres organisation har ingen aftaler på listen."
    },
    en: {
      title: "The room",
      joinHeading: "Welcome to the room",
      joinIntro: "Pick the organisation you are here for. The facilitator then approves your device.",
      partnerLabel: "Your organisation",
      choose: "Choose …",
      deviceLabel: "Device name (optional, e.g. “Mette's phone”)",
      joinButton: "Join",
      waitingHeading: "Waiting for approval",
      waitingText: "The facilitator will approve your device in a moment. This page updates by itself.",
      privateNote: "Only you and the facilitator see your elements until the facilitator shows the circles at the review.",
      othersHeading: "The other partners' circles",
      boardHeading: "The board",
      unsorted: "Not sorted yet",
      actionsHeading: "Next steps",
      actionsIntro: "Confirm or correct the person responsible and the date of your own next steps.",
      sheetHeading: "Take the agreements home",
      sheetLink: "Download your next-steps sheet (PDF)",
      aboutStep: "About this step",
      noStep: "The day has not started yet. This page follows along once the facilitator begins.",
      codeLabel: "Room code:",
      leave: "Change organisation",
      partnerLine: "You write for: ",
      addLabel: "New element",
      add: "Add",
      edit: "Edit",
      remove: "Remove",
      save: "Save",
      cancel: "Cancel",
      editLabel: "Edit the element",
      removed: "The element was removed. The facilitator can bring it back.",
      nothingYet: "Nothing yet.",
      fromDevice: "(written on a device)",
      owner: "Owner",
      ownerPerson: "Person responsible",
      due: "Date",
      confirm: "Confirm",
      saved: "Saved.",
      noDate: "no date",
      withWhom: "With whom",
      ambition: "Ambition",
      timerIdle: "The timer has not started",
      timerPaused: "(paused)",
      timerDone: "Time is up",
      offline: "The connection to the facilitator's computer is lost. Trying again …",
      notJoined: "This device is no longer in the room. Pick your organisation again.",
      busy: "Too many requests at once; try again in a moment.",
      statusHeading: "Status of your agreements",
      statusIntro: "Set the status, light and a short comment for your own agreements from the last meeting. The facilitator sees it at once and can correct it.",
      statusLabel: "Status",
      lightLegend: "Light",
      noLight: "No light",
      commentLabel: "Short comment (who said what)",
      overdue: "Overdue",
      saveStatus: "Save status",
      nowLabel: "Now: ",
      noOwnActions: "Your organisation has no agreements on the list."
    }
  };

  var token = location.pathname.split("/")[2] || "";
  var deviceKey = "room-device:" + token;
  var language = readStored("room-language") === "en" ? "en" : "da";
  var device = readStored(deviceKey);
  var state = null;
  var editing = null;          // element id being edited: no redraw of the circle meanwhile
  var drafts = {};             // words typed in an add field, kept across redraws
  var timerAnchor = null;      // {remaining, at, running}
  var loading = false;
  var again = false;
  var LOOK_SPREAD_MS = 500;    // a "look again" is read within this long (see listen)
  var lookSoon = null;         // the read planned after a "look again"
  var lateNews = [];           // elements heard of while a read was under way: its answer may predate them
  var events = null;
  var shownStep = null;

  function readStored(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function store(key, value) {
    try {
      if (value === null) { window.localStorage.removeItem(key); } else { window.localStorage.setItem(key, value); }
    } catch (e) { /* private mode: the device joins again after a reload */ }
  }
  function t(key) { return STRINGS[language][key]; }
  function pick(pair) { return pair ? (language === "en" ? pair[1] : pair[0]) : ""; }
  function $(id) { return document.getElementById(id); }
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function show(id, visible) { $(id).hidden = !visible; }

  var shown = null;             // the message on screen: a key of STRINGS or the server's [da, en]

  function say(message, ok) {
    shown = message ? { message: message, ok: Boolean(ok) } : null;
    showMessage();
  }
  function showMessage() {
    var box = $("message");
    var text = "";
    if (shown) { text = typeof shown.message === "string" ? t(shown.message) : pick(shown.message); }
    box.textContent = text;
    box.className = shown && shown.ok ? "message ok" : "message";
    box.hidden = !text;
  }

  function headers(json) {
    var result = {};
    if (device) { result["X-Device"] = device; }
    if (json) { result["Content-Type"] = "application/json"; }
    return result;
  }

  async function request(method, path, body) {
    var options = { method: method, headers: headers(body !== undefined), cache: "no-store", credentials: "omit" };
    if (body !== undefined) { options.body = JSON.stringify(body); }
    var response = await fetch(path, options);
    var data = null;
    if (response.status !== 204) {
      try { data = await response.json(); } catch (e) { data = null; }
    }
    if (!response.ok) {
      if (response.status === 401) { forget(); }
      var failure = new Error(String(response.status));
      failure.words = data && data.error ? data.error : null;
      throw failure;
    }
    return data;
  }

  function forget() {
    device = null;
    store(deviceKey, null);
  }

  function failed(error) {
    if (error.words) { say(error.words); } else if (error.message === "429") { say("busy"); } else { say("offline"); }
  }

  // Language --------------------------------------------------------------------------

  function applyLanguage() {
    document.documentElement.lang = language;
    document.title = t("title");
    var nodes = document.querySelectorAll("[data-t]");
    for (var i = 0; i < nodes.length; i++) { nodes[i].textContent = t(nodes[i].getAttribute("data-t")); }
    $("lang-da").setAttribute("aria-pressed", String(language === "da"));
    $("lang-en").setAttribute("aria-pressed", String(language === "en"));
    showMessage();
    if (state) { render(); }
  }

  function setLanguage(value) {
    language = value;
    store("room-language", value);
    editing = null;
    applyLanguage();
  }

  // Loading ---------------------------------------------------------------------------

  async function refresh() {
    if (loading) { again = true; return; }
    loading = true;
    lateNews = [];
    var asked = device;
    try {
      var answer = await request("GET", "api/state");
      if (asked !== device) {
        // The device joined or left while this was under way: the answer is stale.
        again = true;
        return;
      }
      state = answer;
      if (shown && shown.message === "offline") { say(null); }
      if (asked && !state.device) { forget(); say("notJoined"); }
      render();
      // Whatever the read missed was heard meanwhile; an element it already holds is kept once.
      lateNews.forEach(function (item) { takeNews(item); });
    } catch (error) {
      // Refused for the device's rate (its reads share it with its writes): asked again
      // shortly, or the page would show a step the day has left until the next change.
      if (error.message === "429") { again = true; } else { say("offline"); }
    } finally {
      loading = false;
      if (again) { again = false; window.setTimeout(refresh, 400); }
    }
  }

  function listen() {
    if (events) { events.close(); }
    if (!window.EventSource) { window.setInterval(refresh, 5000); return; }
    var query = device ? "?device=" + encodeURIComponent(device) : "";
    events = new EventSource("api/events" + query);
    events.onmessage = function (event) {
      // A stream's first message: the page has just connected (or reconnected), read now.
      if (event.data === "0") { refresh(); return; }
      // A change everyone sees reaches every page in the room at the same moment: each reads
      // at a moment of its own within half a second, or sixty reads at once hold up the
      // partners' writing behind them.
      if (lookSoon === null) {
        lookSoon = window.setTimeout(function () { lookSoon = null; refresh(); }, Math.random() * LOOK_SPREAD_MS);
      }
    };
    events.addEventListener("added", function (event) {
      var item;
      try { item = JSON.parse(event.data); } catch (e) { refresh(); return; }
      heard(item);
    });
    events.onerror = function () { /* EventSource reconnects by itself */ };
  }

  // An element added on one of the partner's devices, this one included: it is appended to
  // the circle on the page, without reading the whole circle again and without moving the
  // focus of someone typing. A page that does not show that circle reads its state instead.
  function heard(item) {
    if (loading) { lateNews.push(item); }
    if (!takeNews(item)) { refresh(); }
  }

  function takeNews(item) {
    if (!state || !state.step || state.step.mode !== "circle" || !state.own) { return false; }
    var circle = null;
    state.own.forEach(function (own) { if (own.id === item.circle) { circle = own; } });
    if (!circle || !circle.fields[item.field]) { return false; }
    var items = circle.fields[item.field];
    for (var i = 0; i < items.length; i++) { if (items[i].id === item.id) { return true; } }
    var shownItem = { id: item.id, text: item.text, device: item.device };
    items.push(shownItem);
    var list = $("list-" + circle.id + "-" + item.field);
    if (list && $("circle").hidden === false) {
      list.appendChild(renderElement(shownItem, true));
      var empty = $("empty-" + circle.id + "-" + item.field);
      if (empty) { empty.parentNode.removeChild(empty); }
    } else if (editing === null) {
      render();
    }
    return true;
  }

  // Drawing ---------------------------------------------------------------------------

  function render() {
    $("session-title").textContent = state.title || "";
    $("join-code").textContent = state.join_code || "";
    var joined = Boolean(state.device);
    var approved = joined && state.device.approved;
    show("join", !joined);
    show("waiting", joined && !approved);
    show("leave", joined);
    var line = $("partner-line");
    line.hidden = !joined;
    if (joined) { line.textContent = t("partnerLine") + state.device.partner_name; }
    if (!joined) { renderJoin(); }
    var step = state.step;
    show("idle", !step);
    show("step", Boolean(step));
    var mode = step ? step.mode : "";
    if (step) { renderStep(step); }
    show("circle", approved && mode === "circle");
    show("others", approved && mode === "review");
    show("board", approved && mode === "board");
    show("actions", approved && (mode === "next-steps" || mode === "closing"));
    show("sheet", approved && mode === "closing");
    show("status", approved && mode === "status");
    if (!approved || !step) { return; }
    if (mode === "circle" && editing === null) { renderCircle(true); }
    if (mode === "review") { renderCircle(false); renderOthers(); show("circle", true); }
    if (mode === "board") { renderBoard(); }
    if (mode === "next-steps" || mode === "closing") { renderActions(); }
    if (mode === "status") { renderStatus(); }
    if (mode === "closing") {
      $("sheet-link").href = "api/sheet.pdf?device=" + encodeURIComponent(device) + "&lang=" + language;
    }
  }

  function renderJoin() {
    var select = $("join-partner");
    var chosen = select.value;
    clear(select);
    var none = el("option", t("choose"));
    none.value = "";
    select.appendChild(none);
    state.partners.forEach(function (partner) {
      var option = el("option", partner.name);
      option.value = String(partner.id);
      select.appendChild(option);
    });
    select.value = chosen;
  }

  function renderStep(step) {
    $("step-part").textContent = pick(step.part) + (step.part_title ? " · " + pick(step.part_title) : "");
    $("step-title").textContent = pick(step.title);
    $("step-question").textContent = pick(step.question);
    $("step-question").hidden = !step.question;
    var instruction = pick(step.instruction);
    $("step-instruction").textContent = instruction;
    $("step-more").hidden = !instruction;
    if (step.id !== shownStep) {
      // A short note is open; a long one (the facilitator's whole walk-through) waits to be asked for.
      $("step-more").open = instruction.length <= 280;
      shownStep = step.id;
      if (shown && shown.ok) { say(null); }
    }
    var timer = state.timer;
    timerAnchor = timer ? { remaining: timer.remaining, at: Date.now(), state: timer.state } : null;
    tick();
  }

  function clock(seconds) {
    var whole = Math.ceil(Math.abs(seconds) - 1e-9);
    var minutes = Math.floor(whole / 60);
    var rest = whole % 60;
    return (seconds < 0 ? "−" : "") + (minutes < 10 ? "0" : "") + minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function tick() {
    var node = $("timer");
    if (!timerAnchor) { node.textContent = ""; return; }
    var remaining = timerAnchor.remaining;
    if (timerAnchor.state === "running") { remaining -= (Date.now() - timerAnchor.at) / 1000; }
    var quiet = timerAnchor.state === "idle" || timerAnchor.state === "finished";
    node.className = quiet ? "timer quiet" : remaining < 0 ? "timer over" : "timer";
    if (timerAnchor.state === "idle") { node.textContent = t("timerIdle"); return; }
    if (timerAnchor.state === "finished") { node.textContent = t("timerDone"); return; }
    node.textContent = clock(remaining) + (timerAnchor.state === "paused" ? " " + t("timerPaused") : "");
  }

  function circleTitle(circle, index, count) {
    if (circle.title) { return circle.title; }
    return count > 1 ? t("ambition") + " " + (index + 1) : "";
  }

  function renderCircle(writable) {
    var template = state.template;
    $("circle-heading").textContent = pick(template.name);
    var body = $("circle-body");
    // A redraw under someone typing keeps their place: on a phone a lost focus closes the keyboard.
    var typing = body.contains(document.activeElement) && document.activeElement.id ? document.activeElement : null;
    var place = typing && typing.tagName === "TEXTAREA" ? [typing.selectionStart, typing.selectionEnd] : null;
    clear(body);
    var circles = state.own.length ? state.own : [{ id: null, title: "", fields: {} }];
    circles.forEach(function (circle, index) {
      var name = circleTitle(circle, index, circles.length);
      if (name) { body.appendChild(el("h3", name)); }
      template.fields.forEach(function (field) {
        body.appendChild(renderField(circle, field, writable));
      });
    });
    var redrawn = typing ? $(typing.id) : null;
    if (redrawn) {
      redrawn.focus();
      if (place && redrawn.tagName === "TEXTAREA") { redrawn.setSelectionRange(place[0], place[1]); }
    }
  }

  function renderField(circle, field, writable) {
    var box = el("div", null, "field");
    var heading = el("h3", pick(field.question));
    box.appendChild(heading);
    box.appendChild(el("p", pick(field.hint), "hint"));
    var items = circle.fields[field.id] || [];
    var key = (circle.id === null ? "new" : circle.id) + ":" + field.id;
    var list = el("ul", null, "elements");
    if (writable) { list.id = "list-" + key.replace(":", "-"); }
    items.forEach(function (item) { list.appendChild(renderElement(item, writable)); });
    if (!items.length) {
      var empty = el("p", t("nothingYet"), "empty");
      if (writable) { empty.id = "empty-" + key.replace(":", "-"); }
      box.appendChild(empty);
    }
    box.appendChild(list);
    if (writable) {
      var form = el("form");
      var id = "add-" + key.replace(":", "-");
      var label = el("label", t("addLabel") + ": " + pick(field.label));
      label.htmlFor = id;
      var input = el("textarea");
      input.id = id;
      input.maxLength = 1000;
      input.rows = 2;
      input.value = drafts[key] || "";
      input.addEventListener("input", function () { drafts[key] = input.value; });
      var button = el("button", t("add"), "primary");
      button.type = "submit";
      form.appendChild(label);
      var row = el("div", null, "add");
      row.appendChild(input);
      row.appendChild(button);
      form.appendChild(row);
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        addElement(circle.id, field.id, input, key);
      });
      box.appendChild(form);
    }
    return box;
  }

  function renderElement(item, writable) {
    var li = el("li");
    var words = el("span", item.text, "words");
    li.appendChild(words);
    if (!writable) { return li; }
    var tools = el("div", null, "tools");
    var edit = el("button", t("edit"));
    edit.type = "button";
    edit.setAttribute("aria-label", t("edit") + ": " + item.text);
    edit.addEventListener("click", function () { startEdit(li, item); });
    var remove = el("button", t("remove"));
    remove.type = "button";
    remove.setAttribute("aria-label", t("remove") + ": " + item.text);
    remove.addEventListener("click", function () { removeElement(item.id); });
    tools.appendChild(edit);
    tools.appendChild(remove);
    li.appendChild(tools);
    return li;
  }

  function startEdit(li, item) {
    editing = item.id;
    clear(li);
    var form = el("form");
    var id = "edit-" + item.id;
    var label = el("label", t("editLabel"));
    label.htmlFor = id;
    var input = el("textarea");
    input.id = id;
    input.maxLength = 1000;
    input.value = item.text;
    var tools = el("div", null, "tools");
    var save = el("button", t("save"), "primary");
    save.type = "submit";
    var cancel = el("button", t("cancel"));
    cancel.type = "button";
    cancel.addEventListener("click", function () { editing = null; render(); });
    tools.appendChild(save);
    tools.appendChild(cancel);
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(tools);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      saveEdit(item.id, input.value);
    });
    li.appendChild(form);
    input.focus();
  }

  function renderOthers() {
    var body = $("others-body");
    clear(body);
    var template = state.template;
    if (!state.others.length) { body.appendChild(el("p", t("nothingYet"), "empty")); }
    state.others.forEach(function (circle) {
      body.appendChild(el("h3", circle.partner + (circle.title ? " – " + circle.title : "")));
      template.fields.forEach(function (field) {
        var items = circle.fields[field.id] || [];
        if (!items.length) { return; }
        body.appendChild(el("p", pick(field.question), "hint"));
        var list = el("ul", null, "elements");
        items.forEach(function (item) { list.appendChild(el("li", item.text)); });
        body.appendChild(list);
      });
    });
  }

  function renderBoard() {
    var body = $("board-body");
    clear(body);
    var groups = state.categories.map(function (category) { return { id: category.id, title: pick(category.title) }; });
    groups.push({ id: null, title: t("unsorted") });
    groups.forEach(function (group) {
      var notes = state.notes.filter(function (note) { return (note.category || null) === group.id; });
      body.appendChild(el("h3", group.title));
      if (!notes.length) { body.appendChild(el("p", t("nothingYet"), "empty")); return; }
      var list = el("ul", null, "elements");
      notes.forEach(function (note) {
        var li = el("li", note.text);
        if (note.partner) { li.appendChild(el("span", note.partner, "who")); }
        list.appendChild(li);
      });
      body.appendChild(list);
    });
  }

  function renderActions() {
    var body = $("actions-body");
    if (body.contains(document.activeElement) && document.activeElement.tagName === "INPUT") { return; }
    clear(body);
    var areas = {};
    state.areas.forEach(function (area) { areas[area.id] = pick(area.title); });
    if (!state.actions.length) { body.appendChild(el("p", t("nothingYet"), "empty")); }
    state.actions.forEach(function (action) {
      var box = el("div", null, action.mine ? "action mine" : "action");
      box.appendChild(el("p", action.what, "what"));
      var owner = [action.owner, action.owner_person].filter(Boolean).join(" – ");
      var meta = el("p", areas[action.area] + " · " + t("owner") + ": " + (owner || "–") +
        " · " + t("due") + ": " + (action.due || t("noDate")), "meta");
      if (action.overdue) { meta.appendChild(el("strong", " ⚠ " + t("overdue"), "overdue")); }
      box.appendChild(meta);
      if (action.mine) { box.appendChild(actionForm(action)); }
      body.appendChild(box);
    });
  }

  function actionForm(action) {
    var form = el("form");
    var personId = "person-" + action.id;
    var dueId = "due-" + action.id;
    var personLabel = el("label", t("ownerPerson"));
    personLabel.htmlFor = personId;
    var person = el("input");
    person.type = "text";
    person.id = personId;
    person.maxLength = 200;
    person.value = action.owner_person;
    var dueLabel = el("label", t("due"));
    dueLabel.htmlFor = dueId;
    var due = el("input");
    due.type = "date";
    due.id = dueId;
    due.value = action.due || "";
    var button = el("button", t("confirm"), "primary");
    button.type = "submit";
    form.appendChild(personLabel);
    form.appendChild(person);
    form.appendChild(dueLabel);
    form.appendChild(due);
    form.appendChild(button);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      saveAction(action.id, person.value, due.value);
    });
    return form;
  }

  function labelOf(list, id) {
    for (var i = 0; i < list.length; i++) { if (list[i].id === id) { return list[i]; } }
    return null;
  }

  function renderStatus() {
    var body = $("status-body");
    // Never redraw under the partner's fingers: what they have chosen but not saved stays.
    if (body.contains(document.activeElement) && document.activeElement !== body) { return; }
    clear(body);
    var areas = {};
    state.areas.forEach(function (area) { areas[area.id] = pick(area.title); });
    if (!state.status_actions.length) { body.appendChild(el("p", t("noOwnActions"), "empty")); }
    state.status_actions.forEach(function (action) {
      var box = el("div", null, "action mine status-action");
      box.appendChild(el("p", action.what, "what"));
      var meta = areas[action.area] || "";
      if (action.owner_person) { meta += " · " + t("owner") + ": " + action.owner_person; }
      meta += " · " + t("due") + ": " + (action.due || t("noDate"));
      var metaLine = el("p", meta, "meta");
      if (action.overdue) { metaLine.appendChild(el("strong", " ⚠ " + t("overdue"), "overdue")); }
      box.appendChild(metaLine);
      box.appendChild(currentStatus(action));
      box.appendChild(statusForm(action));
      body.appendChild(box);
    });
  }

  function currentStatus(action) {
    // Colour and words together: a light is never told by its colour alone.
    var line = el("p", null, "now");
    line.id = "now-" + action.id;
    line.appendChild(el("span", t("nowLabel")));
    var light = labelOf(state.lights, action.light);
    var badge = el("span", light ? "● " + pick(light.label) : t("noLight"), "light-badge " + (action.light || "none"));
    line.appendChild(badge);
    var status = labelOf(state.statuses, action.status);
    line.appendChild(el("span", " · " + (status ? pick(status.label) : action.status)));
    if (action.comment) { line.appendChild(el("span", " · »" + action.comment + "«", "comment")); }
    return line;
  }

  function statusForm(action) {
    var form = el("form");
    form.setAttribute("aria-label", action.what);
    var fieldset = el("fieldset", null, "lights");
    fieldset.appendChild(el("legend", t("lightLegend")));
    var choices = state.lights.map(function (light) { return { id: light.id, words: pick(light.label) }; });
    choices.push({ id: "", words: t("noLight") });
    choices.forEach(function (choice) {
      var id = "light-" + action.id + "-" + (choice.id || "none");
      var input = el("input");
      input.type = "radio";
      input.name = "light-" + action.id;
      input.id = id;
      input.value = choice.id;
      input.checked = (action.light || "") === choice.id;
      var label = el("label", null, "light-choice " + (choice.id || "none"));
      label.htmlFor = id;
      label.appendChild(input);
      label.appendChild(el("span", choice.id ? "● " + choice.words : choice.words));
      fieldset.appendChild(label);
    });
    form.appendChild(fieldset);
    var statusId = "status-" + action.id;
    var statusLabel = el("label", t("statusLabel"));
    statusLabel.htmlFor = statusId;
    var select = el("select");
    select.id = statusId;
    state.statuses.forEach(function (status) {
      var option = el("option", pick(status.label));
      option.value = status.id;
      select.appendChild(option);
    });
    select.value = action.status;
    var commentId = "comment-" + action.id;
    var commentLabel = el("label", t("commentLabel"));
    commentLabel.htmlFor = commentId;
    var comment = el("textarea");
    comment.id = commentId;
    comment.maxLength = 2000;
    comment.rows = 2;
    comment.value = action.comment || "";
    var button = el("button", t("saveStatus"), "primary");
    button.type = "submit";
    form.appendChild(statusLabel);
    form.appendChild(select);
    form.appendChild(commentLabel);
    form.appendChild(comment);
    form.appendChild(button);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = form.querySelector("input[name='light-" + action.id + "']:checked");
      saveStatus(action.id, select.value, chosen ? chosen.value : "", comment.value);
    });
    return form;
  }

  // Writing ---------------------------------------------------------------------------

  async function join(event) {
    event.preventDefault();
    var partner = parseInt($("join-partner").value, 10);
    if (!partner) { $("join-partner").focus(); return; }
    try {
      var answer = await request("POST", "api/join", { partner: partner, label: $("join-label").value });
      device = answer.device;
      store(deviceKey, device);
      say(null);
      listen();
      await refresh();
    } catch (error) { failed(error); }
  }

  async function addElement(circleId, fieldId, input, key) {
    try {
      var added = await request("POST", "api/elements", { circle: circleId, field: fieldId, text: input.value });
      drafts[key] = "";
      input.value = "";
      say(null);
      // The answer is the element itself: shown at once, the circle not read again (the
      // first element of a circle the page has not seen yet is the exception).
      if (!added || !takeNews(added)) { await refresh(); }
      // Ready for the next one. A circle's first element gave it its id, and the field a new one.
      var next = (added && document.getElementById("add-" + added.circle + "-" + fieldId)) ||
        document.getElementById(input.id);
      if (next) { next.focus(); }
    } catch (error) { failed(error); }
  }

  async function saveEdit(id, text) {
    try {
      await request("PUT", "api/elements/" + id, { text: text });
      editing = null;
      say(null);
      await refresh();
    } catch (error) { failed(error); }
  }

  async function removeElement(id) {
    try {
      await request("DELETE", "api/elements/" + id);
      say("removed", true);
      await refresh();
    } catch (error) { failed(error); }
  }

  async function saveAction(id, person, due) {
    try {
      await request("PUT", "api/actions/" + id, { owner_person: person, due: due || null });
      if (document.activeElement) { document.activeElement.blur(); }
      say("saved", true);
      await refresh();
    } catch (error) { failed(error); }
  }

  async function saveStatus(id, status, light, comment) {
    try {
      await request("PUT", "api/actions/" + id + "/status", { status: status, light: light, comment: comment });
      if (document.activeElement) { document.activeElement.blur(); }
      say("saved", true);
      await refresh();
    } catch (error) { failed(error); }
  }

  function leave() {
    forget();
    editing = null;
    listen();
    refresh();
  }

  document.addEventListener("DOMContentLoaded", function () {
    $("lang-da").addEventListener("click", function () { setLanguage("da"); });
    $("lang-en").addEventListener("click", function () { setLanguage("en"); });
    $("join-form").addEventListener("submit", join);
    $("leave").addEventListener("click", leave);
    applyLanguage();
    listen();
    refresh();
    window.setInterval(tick, 1000);
  });
})();
