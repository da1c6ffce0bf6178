/* fazhi search worker. Speaks Material's worker protocol (SETUP → READY, QUERY → RESULT) so
 * Material's search box and result list stay as readers know them; the index is the one
 * fazhi.search.index writes (fazhi/search/document.py has the document fields).
 *
 * The index comes in parts (fazhi/search/parts.py): SETUP brings titles, headings, article
 * numbers, pinyin keys and the dictionary; a query then fetches the postings shards of the
 * character pairs of its words, and the texts of the documents it ranks first, which are
 * then scored exactly and shown with snippets. Fetched parts are kept for the next query.
 *
 * Query kinds, tried in this order:
 *   article lookup  第十条 / 殡葬 第十条 / 婚姻登记条例第五条 / 第10条 → that article;
 *                   宪法第三章第一节 / 殡葬 第二章 → that chapter or section
 *   pinyin          hunyin dengji / hydj / binzang → titles, headings, law names
 *   words           spaces mean AND; a whole phrase ranks above its parts; a law title or
 *                   article ranks above a passing mention; readers' words find the texts'
 *                   words (低保 → 最低生活保障); a question finds the site's words in it,
 *                   without its question words (怎么办, 吗), rarer words weighing more, and
 *                   ranks the bureau's answers (问答), then articles, first.
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

/* Ranking weights, in one place. */
var WEIGHT = {
  title: 10,        /* the term is in the heading or law name */
  lawName: 14,      /* the term is (part of) a law's title or short name */
  text: 2,          /* the term occurs in the text at all */
  repeat: 1.5,      /* per doubling of occurrences */
  pieces: 0.35,     /* each piece of a spaced pinyin query reads in a title, not the query as a whole */
  partialMax: 1,    /* only the words of a term occur, not the term itself: always below the whole term */
  partialShare: 0.6,/* share of a term's words (by weight) a document must hold (questions) */
  named: 0.5,       /* a question's word in a title or law name (its text adds up to 1) … */
  inLaw: 0.1,       /* … only in the name of the law an article belongs to */
  cue: 1,           /* an answer word (questions.yml) for each question word: this much more */
  guess: 0.7,       /* a question's word in a text not fetched yet: what it may say, to fetch it */
  lead: 0.5,        /* … and its words in the title or the opening of the text (what it is about) */
  outdated: 0.5,    /* a superseded text whose law the handbook also has in force … */
  superseded: 0.8,  /* … or not: a text in force that answers as well ranks first */
  context: 1,       /* the term names the law a section or article belongs to */
  phrase: 2,        /* all terms of a spaced query occur together as one phrase */
  kind: { law: 1.5, article: 1.2, section: 1, page: 1.2, answer: 2 },
  /* for a question (it has question words): the bureau's answers, then articles */
  asked: { law: 1, article: 1.5, section: 1, page: 1, answer: 3 },
  lookup: 1000      /* article lookup hits outrank everything */
};
var SNIPPET = { before: 24, length: 120 };
/* BM25's term-frequency saturation and (weak) length normalisation, for a question's words:
 * a long article is most often the one with the substance (its items), not a padded one. */
var TEXT = { k: 1.2, b: 0.25 };
/* The opening of a text, in characters: an article names its subject there. */
var LEAD = 12;
/* Text chunks fetched at most per query (about 4 KB gzip each), for the best-ranked documents. */
var CHUNK_BUDGET = 6;
/* A hit found only by pinyin typed for body text ranks below every title read in pinyin. */
var BODY_PINYIN = 10;
var PINYIN_PREFIX = "=";
/* Words read as one typed pinyin piece that a query looks for (xingzheng → 行政, 刑侦 …). */
var PINYIN_WORDS = 8;

var NUMERAL = "[零一二三四五六七八九十百千〇两\\d]+";
var INSERTED = "一二三四五六七八九";
var ARTICLE = new RegExp("第(" + NUMERAL + ")条(?:之([" + INSERTED + "]))?");
var CHAPTER = new RegExp("第(" + NUMERAL + ")章\\s*(?:第(" + NUMERAL + ")节)?");
var HAN = /[\u3400-\u9fff]/;
var LETTERS = /^[a-z]{2,}$/;
var UNIT = /[\u3400-\u9fff]|[a-z0-9]+/g;

/* ------------------------------------------------------------------------- */

function normalize(value) {
  return value.normalize("NFKC").toLowerCase()
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
    .replace(/[《》〈〉“”‘’"'「」『』]/g, " ")
    .trim();
}

/* For matching only: 总 则 (spaced out in print) reads as 总则. */
function squeeze(value) {
  return value.replace(/([\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g, "$1");
}

function escapeHTML(value) {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function count(haystack, needle) {
  var n = 0;
  for (var i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/* Wrap every occurrence of the needles in <mark>, escaping the rest. */
function highlight(value, needles) {
  var lower = value.toLowerCase();
  var marks = [];
  needles.forEach(function (needle) {
    if (!needle) return;
    for (var i = lower.indexOf(needle); i !== -1; i = lower.indexOf(needle, i + 1))
      marks.push([i, i + needle.length]);
  });
  marks.sort(function (a, b) { return a[0] - b[0]; });
  var out = "", at = 0;
  marks.forEach(function (m) {
    if (m[1] <= at) return;
    var start = Math.max(m[0], at);
    out += escapeHTML(value.slice(at, start)) + "<mark>" + escapeHTML(value.slice(start, m[1])) + "</mark>";
    at = m[1];
  });
  return out + escapeHTML(value.slice(at));
}

/* A window of the text around the first hit, so the hit is visible in the result list. */
function snippet(text, needles) {
  var lower = text.toLowerCase(), first = -1;
  needles.forEach(function (needle) {
    var i = needle ? lower.indexOf(needle) : -1;
    if (i !== -1 && (first === -1 || i < first)) first = i;
  });
  var start = first > SNIPPET.before ? first - SNIPPET.before : 0;
  var end = Math.min(text.length, start + SNIPPET.length);
  return (start > 0 ? "…" : "") + highlight(text.slice(start, end), needles) + (end < text.length ? "…" : "");
}

/* Run "1-120" of the first part: articles t1 … t120 labelled 第一条 … (fazhi.search.parts). */
var DIGITS = "零一二三四五六七八九", POWERS = ["", "十", "百", "千"];

function chinese(n) {
  if (n >= 10000) return chinese(Math.floor(n / 10000)) + "万" + (n % 10000 ? (n % 10000 < 1000 ? "零" : "") + chinese(n % 10000) : "");
  var out = "", zero = false;
  for (var p = 3; p >= 0; p--) {
    var d = Math.floor(n / Math.pow(10, p)) % 10;
    if (!d) { zero = out !== ""; continue; }
    if (zero) { out += "零"; zero = false; }
    out += (p === 1 && d === 1 && out === "" ? "" : DIGITS[d]) + POWERS[p];
  }
  return out;
}

function expandDocs(docs) {
  var out = [], page = "";
  docs.forEach(function (doc) {
    if (typeof doc !== "string") {
      if (doc.location.indexOf("#") === -1) page = doc.location;
      return out.push(doc);
    }
    var run = doc.split("-"), last = +run[1];
    for (var n = +run[0]; n <= last; n++)
      out.push({ location: page + "#t" + n, article: "第" + chinese(n) + "条", n: String(n) });
  });
  return out;
}

/* The shard of a key: the same string hash as fazhi.search.parts.shard_of. */
function shardOf(key, count) {
  var h = 0;
  for (var ch of key) h = (Math.imul(h, 31) + ch.codePointAt(0)) >>> 0;
  return h % count;
}

/* Adjacent characters of a term (it has no spaces): what the postings are keyed by. */
function pairsOf(term) {
  var chars = Array.from(term), out = [];
  for (var i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

function fetchJSON(url) {
  return fetch(url).then(function (response) {
    if (!response.ok) throw new Error(url + ": " + response.status);
    return response.json();
  });
}

/* ------------------------------------------------------------------------- */

/* A pinyin key "hun'yin deng'ji|…" as keys → words → syllables. */
function parseKeys(pinyin) {
  return (pinyin || "").split("|").map(function (key) {
    return key ? key.split(" ").map(function (word) { return word.split("'"); }) : [];
  });
}

/* Match of the letters q against consecutive syllables, each typed in full or as its first
 * letter, the last possibly typed partly; a match starting at a word wins over one starting
 * inside a word. Returns {from, to, total, word} or null. */
function matchPinyin(q, words) {
  var syllables = [], starts = {};
  words.forEach(function (word) {
    starts[syllables.length] = true;
    syllables.push.apply(syllables, word);
  });
  function from(pos, i) {
    if (pos === q.length) return i;
    if (i >= syllables.length) return -1;
    var s = syllables[i], rest = q.slice(pos), end;
    if (rest.lastIndexOf(s, 0) === 0 && (end = from(pos + s.length, i + 1)) !== -1) return end;
    if (rest[0] === s[0] && (end = from(pos + 1, i + 1)) !== -1) return end;
    if (s.lastIndexOf(rest, 0) === 0 && rest.length > 1) return i + 1;
    return -1;
  }
  var found = null;
  for (var i = 0; i < syllables.length && !(found && found.word); i++) {
    var end = from(0, i);
    if (end !== -1 && (!found || starts[i]))
      found = { from: i, to: end, total: syllables.length, word: !!starts[i] };
  }
  return found;
}

/* The characters of `name` that syllables [from, to) were made of (one per Han character,
 * one per run of letters or digits), so a pinyin hit can be highlighted in Chinese. */
function unitsText(name, from, to) {
  var lower = name.normalize("NFKC").toLowerCase(), units = [], m;
  UNIT.lastIndex = 0;
  while ((m = UNIT.exec(lower)) !== null) units.push([m.index, m.index + m[0].length]);
  if (!units[from] || !units[to - 1]) return "";
  return lower.slice(units[from][0], units[to - 1][1]);
}

/* ------------------------------------------------------------------------- */

/* A title without its generated number (二、 第三章): what its pinyin key was made of. */
function bareTitle(doc) {
  var title = doc.title || "";
  return doc.num ? title.slice(doc.num.length).trim() : title;
}

function Engine(data, currentPage, base) {
  var self = this;
  this.current = currentPage || "";
  this.words = new Set((data.config.words || "").split(" ").filter(Boolean));
  this.synonyms = data.config.synonyms || {};
  this.questions = data.config.questions || {};
  this.parts = data.config.parts || null;
  /* while choosing which texts to fetch: a text not here yet may say a question's words */
  this.guessing = false;
  this.base = base;
  this.shards = new Map();   /* shard number → promise of {key: gaps} */
  this.chunks = new Map();   /* chunk number → promise, once fetched */
  this.holders = new Map();  /* term → Set of document numbers holding all its pairs */
  this.weights = new Map();  /* a question's word → its weight (Engine.weight) */
  this.pages = new Map();
  this.order = new Map();
  this.docs = expandDocs(data.docs).map(function (doc, i) {
    var page = doc.location.split("#")[0];
    var entry = {
      doc: doc,
      i: i,
      page: page,
      kind: doc.article ? "article" : doc.law ? "law" : doc.location.indexOf("#") !== -1 ? "section" :
        doc.genre ? "answer" : "page",
      title: squeeze(normalize(doc.title || doc.article || "")),
      /* null until its text chunk is fetched */
      text: self.parts ? null : squeeze(normalize(doc.text || "")),
      names: (doc.law || []).map(normalize),
      context: [],
      contextKeys: [],
      keys: parseKeys(doc.pinyin)
    };
    if (entry.kind === "page" || entry.kind === "law") {
      self.pages.set(page, entry);
      self.order.set(page, self.order.size);
    }
    return entry;
  });
  /* the mean length of a text (fazhi.search.parts), for BM25's length norm */
  var texts = this.docs.filter(function (e) { return e.text; });
  this.average = this.parts ? this.parts.average :
    texts.reduce(function (sum, e) { return sum + e.text.length; }, 0) / (texts.length || 1);
  var current = new Set();
  this.pages.forEach(function (entry) { if (entry.kind === "law" && !entry.doc.status) current.add(entry.doc.title); });
  this.docs.forEach(function (entry) {
    var law = self.pages.get(entry.page);
    if (entry.kind !== "law" && law && law.kind === "law") {
      entry.context = law.names;
      entry.contextKeys = law.keys;
    }
    /* an old text of a law in force: its hits follow those of the text in force */
    entry.rank = !law || !law.doc.status ? 1 : current.has(law.doc.title) ? WEIGHT.outdated : WEIGHT.superseded;
  });
}

/* ---- parts ---- */

Engine.prototype.shard = function (n) {
  if (!this.shards.has(n)) this.shards.set(n, fetchJSON(new URL("parts/p" + n + ".json", this.base)));
  return this.shards.get(n);
};

/* The values of these keys (postings gaps, or words for a pinyin key), fetching their shards. */
Engine.prototype.lookup = function (keys) {
  var self = this, count = this.parts ? this.parts.shards : 0;
  return Promise.all(keys.map(function (key) {
    return count ? self.shard(shardOf(key, count)).then(function (shard) { return shard[key] || null; }) : null;
  }));
};

/* Fetch what deciding these terms needs: the documents holding each term's pairs. */
Engine.prototype.prepare = function (terms) {
  var self = this, wanted = [];
  terms.forEach(function (term) {
    if (!self.holders.has(term) && Array.from(term).length > 1 && wanted.indexOf(term) === -1) wanted.push(term);
  });
  if (!this.parts || !wanted.length) return Promise.resolve();
  return Promise.all(wanted.map(function (term) {
    var keys = pairsOf(term);
    return self.lookup(keys).then(function (lists) {
      var found = null;
      lists.forEach(function (gaps) {
        var set = new Set(), n = 0;
        (gaps || []).forEach(function (gap) { n += gap; if (!found || found.has(n)) set.add(n); });
        found = set;
      });
      self.holders.set(term, found || new Set());
    });
  }));
};

/* Whether a document's text holds the term: exactly once its text is here, else from the
 * postings (every pair of the term occurs in it). One-character terms need the text. */
Engine.prototype.holds = function (entry, term) {
  if (entry.text !== null) return entry.text.indexOf(term) !== -1;
  var holders = this.holders.get(term);
  return !!holders && holders.has(entry.i);
};

Engine.prototype.chunkOf = function (i) {
  var starts = this.parts.chunks, lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    var mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= i) lo = mid; else hi = mid - 1;
  }
  return lo;
};

/* Fetch the texts of the best hits whose text is not here yet; true when any arrived. */
Engine.prototype.fetchTexts = function (hits) {
  if (!this.parts) return Promise.resolve(false);
  var self = this, wanted = [], shown = [];
  /* the best hits' own texts first, then (budget left) those of the pages they are on */
  function want(entry) {
    if (!entry || entry.text !== null) return false;
    var chunk = self.chunkOf(entry.i);
    if (!self.chunks.has(chunk) && wanted.indexOf(chunk) === -1 && wanted.length < CHUNK_BUDGET) wanted.push(chunk);
    return wanted.length >= CHUNK_BUDGET;
  }
  hits.slice().sort(function (a, b) { return b.score - a.score; }).some(function (hit) {
    shown.push(hit.entry.page);
    return want(hit.entry);
  });
  shown.some(function (page) { return want(self.pages.get(page)); });
  return Promise.all(wanted.map(function (chunk) {
    var start = self.parts.chunks[chunk];
    var promise = fetchJSON(new URL("parts/t" + chunk + ".json", self.base)).then(function (texts) {
      texts.forEach(function (text, k) {
        var entry = self.docs[start + k];
        entry.doc.text = text;
        entry.text = squeeze(normalize(text));
      });
    });
    self.chunks.set(chunk, promise);
    return promise;
  })).then(function () { return wanted.length > 0; });
};

/* The title shown in the result list: 殡葬管理条例 · 第四条 for articles. */
Engine.prototype.displayTitle = function (entry) {
  var doc = entry.doc;
  if (entry.kind === "article") {
    var law = this.pages.get(entry.page);
    return (law ? law.doc.title + " · " : "") + doc.article;
  }
  return doc.title;
};

Engine.prototype.item = function (entry, score, needles, terms) {
  return {
    location: entry.doc.location,
    title: highlight(this.displayTitle(entry), needles),
    text: entry.doc.text ? "<p>" + snippet(entry.doc.text, needles) + "</p>" : "",
    score: score,
    terms: terms
  };
};

/* Cut a run of Chinese typed without spaces into the site's words, readers' words and
 * question words (longest first); single characters that are none of them are left out
 * (a reader's single character, 交 for 提交, is kept). */
Engine.prototype.cut = function (term) {
  var parts = [], i = 0;
  while (i < term.length) {
    var j = term.length, latin = /^[^\u3400-\u9fff]+/.exec(term.slice(i));
    if (latin) j = i + latin[0].length;  /* letters and digits stay one piece */
    else while (j > i + 1 && !(this.known(term.slice(i, j)) && term.slice(i, j) !== term)) j--;
    if (j > i + 1 || latin || this.known(term[i])) parts.push(term.slice(i, j));
    i = j;
  }
  return parts;
};

Engine.prototype.known = function (word) {
  return this.words.has(word) && word.length > 1 || this.synonyms.hasOwnProperty(word) || this.asks(word);
};

Engine.prototype.asks = function (word) {
  return this.questions.hasOwnProperty(word);
};

/* A term not found whole, as a question: its words without the question words, and for
 * each question word the words an answer to it usually has (questions.yml). */
Engine.prototype.question = function (term) {
  var self = this, words = [], asks = [], parts = this.cut(term);
  parts.forEach(function (part) {
    if (!self.asks(part)) words.push(part);
    else if (self.questions[part].length) asks.push(self.questions[part]);
  });
  return { words: words, asks: asks, cues: [].concat.apply([], asks), asked: words.length < parts.length };
};

/* The words to look for: the term, and the texts' own words when it is a reader's word
 * (only those for a single character: 交 is 提交, not any 交). */
Engine.prototype.forms = function (term) {
  if (!this.synonyms.hasOwnProperty(term)) return [term];
  return Array.from(term).length > 1 ? [term].concat(this.synonyms[term]) : this.synonyms[term];
};

/* How telling a word is: the rarer its documents (any of its forms), the more it weighs.
 * A form without postings (a single letter) tells nothing. Worked out once per word. */
Engine.prototype.weight = function (term) {
  if (this.weights.has(term)) return this.weights.get(term);
  var self = this, total = this.parts ? this.parts.docs : this.docs.length, held = 0, known = true;
  this.forms(term).forEach(function (form) {
    var holders = self.holders.get(form);
    known = known && (!!holders || Array.from(form).length < 2);
    held += holders ? holders.size : self.parts ? total :
      self.docs.filter(function (e) { return e.text && e.text.indexOf(form) !== -1; }).length;
  });
  var weight = Math.log(1 + total / (1 + Math.min(held, total)));
  if (known) this.weights.set(term, weight);  /* not before its postings are here */
  return weight;
};

/* How well one term (or its synonym) hits one document: 0 when it does not. */
Engine.prototype.termScore = function (entry, term) {
  var self = this;
  return Math.max.apply(null, this.forms(term).map(function (form) { return self.formScore(entry, form); }));
};

Engine.prototype.formScore = function (entry, term) {
  function within(name) { return name.indexOf(term) !== -1; }
  var score = (entry.names.some(within) ? WEIGHT.lawName : 0) + (entry.title.indexOf(term) !== -1 ? WEIGHT.title : 0);
  var c = entry.text !== null ? count(entry.text, term) : this.holds(entry, term) ? 1 : 0;
  if (c) score += WEIGHT.text + WEIGHT.repeat * Math.log2(c);
  /* pinyin typed among Chinese words (hunyin 登记, binzang 火葬) is read as a title or law name */
  function spelled(key) { return matchPinyin(term, key); }
  if (!score && LETTERS.test(term) && entry.keys.some(spelled)) score = WEIGHT.title;
  if (!score && (entry.context.some(within) || LETTERS.test(term) && entry.contextKeys.some(spelled)))
    score = WEIGHT.context;
  return score;
};

/* A document holding some words of a question: its share of the words' weight, squared,
 * times how much it says them; more when it has an answer word, more when it opens with
 * the words. Never above partialMax. */
Engine.prototype.partialScore = function (entry, question, needles) {
  var self = this, all = 0, found = 0, said = 0, lead = 0;
  question.words.forEach(function (word) {
    var weight = self.weight(word), e = self.evidence(entry, word);
    all += weight;
    if (!e) return;
    /* only the law's name has it: the article is in that law, not about the word */
    found += e > WEIGHT.inLaw ? weight : weight / 2;
    said += weight * e;
    if (self.leads(entry, word)) lead += weight;
    needles.push.apply(needles, self.forms(word));
  });
  if (!all || found < WEIGHT.partialShare * all) return 0;
  var cover = found / all, score = cover * cover * (0.5 + 0.5 * said / found);
  var answered = question.asks.filter(function (cues) {
    return cues.some(function (cue) { return self.evidence(entry, cue); });
  }).length;
  if (question.asks.length) score *= (1 + WEIGHT.cue * answered / question.asks.length) / (1 + WEIGHT.cue);
  return WEIGHT.partialMax * score * (1 + WEIGHT.lead * lead / all) / (1 + WEIGHT.lead);
};

/* How much a document says a word, 0 to 1: in its title or law name, or in its text as
 * often as BM25 counts it (each repeat adds less, a long text needs more); only in the
 * name of the law it belongs to: a little. */
Engine.prototype.evidence = function (entry, word) {
  var self = this, best = 0;
  this.forms(word).forEach(function (form) {
    function within(name) { return name.indexOf(form) !== -1; }
    var named = within(entry.title) || entry.names.some(within) ? WEIGHT.named : 0;
    var tf = entry.text !== null ? count(entry.text, form) : self.holds(entry, form) ? 1 : 0;
    var length = entry.text !== null && self.average ? entry.text.length / self.average : 1;
    var said = !tf ? 0 : entry.text === null && self.guessing ? WEIGHT.guess : tf / (tf + TEXT.k * (1 - TEXT.b + TEXT.b * length));
    var e = Math.min(1, named + said);
    if (!e && entry.context.some(within)) e = WEIGHT.inLaw;
    if (e > best) best = e;
  });
  return best;
};

/* Whether a document is about the word: in its title, or in the opening of its text
 * (which, while guessing, a text not fetched yet may be). */
Engine.prototype.leads = function (entry, word) {
  var self = this;
  return this.forms(word).some(function (form) {
    return entry.title.indexOf(form) !== -1 || entry.names.some(function (n) { return n.indexOf(form) !== -1; }) ||
      (entry.text !== null ? entry.text.slice(0, LEAD + form.length).indexOf(form) !== -1 :
        self.guessing && self.holds(entry, form));
  });
};

Engine.prototype.searchWords = function (terms) {
  var self = this;
  var questions = terms.map(function (t) { return self.question(t); });
  var asked = questions.some(function (q) { return q.asked; });
  var kinds = asked ? WEIGHT.asked : WEIGHT.kind;
  var phrase = terms.length > 1 ? terms.join("") : null;
  var hits = [];
  this.docs.forEach(function (entry) {
    var total = 0, needles = [], broken = false;
    for (var k = 0; k < terms.length; k++) {
      var whole = self.termScore(entry, terms[k]);
      if (whole) {
        total += whole;
        /* a short name (反家暴法) is not in the displayed title: mark the title itself */
        needles.push.apply(needles, self.forms(terms[k]));
        if (entry.kind === "law" && entry.title.indexOf(terms[k]) === -1 && !self.holds(entry, terms[k]))
          needles.push(entry.title);
        continue;
      }
      var partial = self.partialScore(entry, questions[k], needles);
      if (!partial) return;
      total += partial;
      broken = true;
    }
    if (broken) total = Math.min(total, WEIGHT.partialMax);
    if (phrase && self.termScore(entry, phrase)) {
      total *= WEIGHT.phrase;
      needles.unshift(phrase);
    }
    /* a page's search.boost (新旧对照 pages: 0.1) keeps it after the laws' own articles */
    hits.push({ entry: entry, score: total * kinds[entry.kind] * entry.rank * (entry.doc.boost || 1), needles: needles });
  });
  var terms_ = {};  /* also the texts' word for a reader's word, for the page highlighter */
  terms.forEach(function (t) { self.forms(t).forEach(function (f) { terms_[f] = true; }); });
  return hits.map(function (h) { h.terms = terms_; return h; });
};

Engine.prototype.searchPinyin = function (query) {
  var letters = query.replace(/[\s']+/g, "");
  var pieces = query.split(/[\s']+/).filter(Boolean);
  var hits = [];
  this.docs.forEach(function (entry) {
    var names = entry.kind === "law" ? entry.doc.law : [bareTitle(entry.doc)];
    var best = null;
    entry.keys.forEach(function (key, k) {
      var m = matchPinyin(letters, key);
      if (!m) return;
      var score = WEIGHT.title * (1 + (m.to - m.from) / m.total) * (m.from === 0 ? 1.2 : m.word ? 1 : 0.6);
      if (!best || score > best.score) best = { score: score, text: unitsText(names[k] || "", m.from, m.to) };
    });
    if (!best && pieces.length > 1) {
      var all = pieces.every(function (piece) {
        return entry.keys.some(function (key) { return matchPinyin(piece, key); });
      });
      if (all) best = { score: WEIGHT.title * WEIGHT.pieces, text: "" };
    }
    if (!best) return;
    var terms = {};
    if (best.text) terms[best.text] = true;
    hits.push({
      entry: entry, score: best.score * WEIGHT.kind[entry.kind] * entry.rank,
      needles: best.text ? [best.text] : [], terms: terms
    });
  });
  return hits;
};

/* The text around a matched 第…条 / 第…章: the law the reader names, spaces removed. */
function hintOf(query, m) {
  return (query.slice(0, m.index) + " " + query.slice(m.index + m[0].length)).replace(/\s+/g, "");
}

/* Candidates in the law the hint names (殡葬 → 殡葬管理条例), else those whose text has it;
 * all of them without a hint. */
Engine.prototype.named = function (candidates, hint) {
  if (!hint) return candidates;
  var self = this;
  var inLaw = candidates.filter(function (entry) {
    var law = self.pages.get(entry.page);
    return law && law.names.some(function (n) { return n.indexOf(hint) !== -1 || hint.indexOf(n) !== -1; });
  });
  return inLaw.length ? inLaw : candidates.filter(function (entry) { return self.holds(entry, hint); });
};

/* Lookup hits: the law being read first, then in the handbook's order. */
Engine.prototype.lookupHits = function (entries, hint) {
  var self = this;
  return entries.map(function (entry) {
    var here = entry.page === self.current ? 1 : 0;
    var rank = WEIGHT.lookup * (1 + here) - (self.order.get(entry.page) || 0);
    var label = entry.doc.article || entry.doc.num, terms = {};
    terms[label] = true;
    return { entry: entry, score: rank, needles: hint ? [hint, label] : [label], terms: terms };
  });
};

/* 第三章 or 第三章第一节, with an optional law name; null when the query is not one. */
Engine.prototype.searchChapter = function (query) {
  var m = CHAPTER.exec(query);
  if (!m) return null;
  var chapter = "第" + m[1] + "章", section = m[2] ? "第" + m[2] + "节" : null, found = [];
  this.docs.forEach(function (entry, i, docs) {
    if (entry.kind !== "section" || entry.doc.num !== chapter) return;
    if (!section) return found.push(entry);
    for (var j = i + 1; j < docs.length && docs[j].page === entry.page && !/章$/.test(docs[j].doc.num || ""); j++)
      if (docs[j].doc.num === section) return found.push(docs[j]);
  });
  var hint = hintOf(query, m), hits = this.named(found, hint);
  return hits.length ? this.lookupHits(hits, hint) : null;
};

/* 第十条 with an optional law name before it; null when the query is not a lookup. */
Engine.prototype.searchArticle = function (query) {
  var m = ARTICLE.exec(query.replace(/\s+/g, " "));
  if (!m) return null;
  var label = "第" + m[1] + "条" + (m[2] ? "之" + m[2] : "");
  /* 第10条 is compared with the number in the anchor (10, or 10-1 for 之一) */
  var number = /^\d+$/.test(m[1]) ? m[1] + (m[2] ? "-" + (INSERTED.indexOf(m[2]) + 1) : "") : null;
  var hint = hintOf(query, m);
  var hits = this.named(this.docs.filter(function (entry) {
    return entry.kind === "article" && (entry.doc.article === label || entry.doc.n === number);
  }), hint);
  return hits.length ? this.lookupHits(hits, hint) : null;
};

/* Material's result shape: groups per page, the page document first, best sections next. */
Engine.prototype.group = function (hits) {
  var self = this, groups = new Map();
  hits.sort(function (a, b) { return b.score - a.score; });
  hits.forEach(function (hit) {
    if (!groups.has(hit.entry.page)) groups.set(hit.entry.page, []);
    groups.get(hit.entry.page).push(self.item(hit.entry, hit.score, hit.needles, hit.terms));
  });
  var items = [];
  groups.forEach(function (group, page) {
    if (!group.some(function (item) { return item.location === page; })) {
      var entry = self.pages.get(page);
      if (entry) group.push(self.item(entry, 0, [], {}));
    }
    items.push(group);
  });
  return { items: items };
};

/* Body text for pinyin (xingzheng chufa → 行政 处罚): the site's words read as each piece. */
Engine.prototype.searchBodyPinyin = function (words, found) {
  var self = this, seen = new Set(found.map(function (hit) { return hit.entry; })), hits = [];
  if (!words.length) return hits;
  this.docs.forEach(function (entry) {
    if (seen.has(entry)) return;
    var total = 0, needles = [], terms = {};
    for (var k = 0; k < words.length; k++) {
      var best = 0, word = null;
      for (var w = 0; w < words[k].length; w++) {
        var s = self.formScore(entry, words[k][w]);
        if (s > best) { best = s; word = words[k][w]; }
      }
      if (!best) return;
      total += best;
      needles.push(word);
      terms[word] = true;
    }
    var score = WEIGHT.partialMax * total / (total + BODY_PINYIN);
    hits.push({ entry: entry, score: score * WEIGHT.kind[entry.kind], needles: needles, terms: terms });
  });
  return hits;
};

/* The ranked hits of a query with the parts fetched so far; `words`: see pinyinWords. */
Engine.prototype.rank = function (query, words) {
  var hits = this.searchArticle(query) || this.searchChapter(query);
  if (!hits && words) {
    hits = this.searchPinyin(query);
    hits = hits.concat(this.searchBodyPinyin(words, hits));
    if (!hits.length) hits = this.searchWords(query.split(/\s+/));
  }
  return hits || this.searchWords(query.split(/\s+/));
};

/* The terms whose documents a query may ask about: a lookup's law name, the phrase, each
 * word, the site's words in it, and their synonyms (as searchArticle, searchWords use them). */
Engine.prototype.termsOf = function (query) {
  var self = this, out = [], terms = query.split(/\s+/);
  var article = ARTICLE.exec(query.replace(/\s+/g, " ")), chapter = CHAPTER.exec(query);
  if (article) out.push(hintOf(query, article));
  if (chapter) out.push(hintOf(query, chapter));
  if (terms.length > 1) out.push(terms.join(""));
  terms.forEach(function (term) {
    var question = self.question(term);
    out.push(term);
    out.push.apply(out, question.words.concat(question.cues));
  });
  return [].concat.apply([], out.filter(Boolean).map(function (term) { return self.forms(term); }));
};

/* For a query in Latin letters: per piece, the site's words read so (at most a few), their
 * documents fetched; [] when a piece is no word's pinyin; null for other queries. */
Engine.prototype.pinyinWords = function (query) {
  if (!/^[a-z'\s]+$/.test(query)) return Promise.resolve(null);
  var self = this, pieces = query.split(/[\s']+/).filter(Boolean);
  return this.lookup(pieces.map(function (piece) { return PINYIN_PREFIX + piece; })).then(function (lists) {
    if (!lists.length || lists.some(function (list) { return !list; })) return [];
    lists = lists.map(function (list) { return list.slice(0, PINYIN_WORDS); });
    return self.prepare([].concat.apply([], lists)).then(function () { return lists; });
  });
};

Engine.prototype.search = function (raw) {
  var self = this, query = normalize(raw);
  if (!query) return Promise.resolve({ items: [] });
  return Promise.all([this.prepare(this.termsOf(query)), this.pinyinWords(query)]).then(function (ready) {
    /* texts to fetch: of the documents that may rank first once their texts are here */
    self.guessing = true;
    var hits = self.rank(query, ready[1]);
    self.guessing = false;
    return self.fetchTexts(hits).then(function () {
      return self.group(self.rank(query, ready[1]));
    });
  });
};

/* ------------------------------------------------------------------------- */

var engine = null, queue = Promise.resolve(), latest = 0;

/* Queries are answered in order; one overtaken by a newer query while waiting is skipped
 * (each key press is a query), so the list never shows an older query's results last. */
addEventListener("message", function (ev) {
  var message = ev.data;
  if (message.type === SETUP) {
    var params = new URL(self.location.href).searchParams;
    engine = new Engine(message.data, params.get("page"), new URL(params.get("index") || "../../search/", self.location.href));
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    var id = ++latest;
    queue = queue.then(function () {
      if (id !== latest) return;
      return (engine ? engine.search(message.data) : Promise.resolve({ items: [] }))
        .catch(function () { return { items: [] }; })
        .then(function (data) { postMessage({ type: RESULT, data: data }); });
    });
  }
});
