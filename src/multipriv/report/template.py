"""The report's HTML template (jinja2, rendered with autoescape on: every model string is escaped)."""

from __future__ import annotations

CSS = """
:root { --ink:#1f2328; --muted:#667; --line:#e3e3e8; --accent:#c8513d; --bg:#fafafb; }
* { box-sizing: border-box; }
body { font: 14px/1.5 -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif;
       color: var(--ink); margin: 0; background: white; }
header { padding: 28px 40px 18px; border-bottom: 1px solid var(--line); background: var(--bg); }
header h1 { margin: 0 0 4px; font-size: 26px; }
header .meta { color: var(--muted); }
nav { position: sticky; top: 0; z-index: 5; background: white; border-bottom: 1px solid var(--line);
      padding: 8px 40px; font-size: 13px; }
nav a { margin-right: 16px; color: var(--ink); text-decoration: none; }
nav a:hover { color: var(--accent); }
main { padding: 8px 40px 60px; max-width: 1400px; }
section { margin-top: 34px; }
h2 { font-size: 20px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; margin-bottom: 12px; }
h3 { font-size: 16px; margin: 22px 0 8px; }
p.lead { font-size: 15px; max-width: 62em; }
.note { color: var(--muted); font-size: 13px; max-width: 70em; }
.formula { font-family: ui-monospace, Menlo, Consolas, monospace; background: var(--bg);
           border-left: 3px solid var(--accent); padding: 8px 12px; max-width: 70em; white-space: pre-wrap; }
.callout { border: 1px solid var(--line); border-left: 4px solid var(--accent); background: #fff8f6;
           padding: 10px 14px; margin: 12px 0; max-width: 70em; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-size: 12.5px; margin: 6px 0 10px; }
th, td { padding: 4px 9px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: var(--bg); font-weight: 600; position: sticky; top: 0; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.model { font-weight: 600; white-space: nowrap; }
tr.floor td { color: #666; background: #f6f6f3; }
tr.floor td.model { font-weight: 400; font-style: italic; }
.ci { color: var(--muted); font-size: 11px; margin-left: 4px; }
.sig { color: var(--accent); font-weight: 600; }
.badge { display: inline-block; white-space: nowrap; padding: 0 6px; border-radius: 8px; font-size: 11px;
         font-weight: 600; }
.breaks { background: #fbe2dc; color: #9c2f1b; } .holds { background: #dff1e4; color: #23683a; }
.unprotected { background: #eee; color: #555; } .prompt-only { background: #e6edf7; color: #2f4d7a; }
.incomplete { background: #f6f0d9; color: #7a6420; }
.right { color: #23683a; font-weight: 700; } .wrong { color: #9c2f1b; font-weight: 700; }
.none { color: var(--muted); }
img.plot { max-width: 100%; height: auto; display: block; margin: 8px 0; }
.examples { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 12px; }
.example { border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; min-width: 0; }
.example .thumbs img { max-height: 160px; margin: 0 8px 8px 0; border: 1px solid var(--line); }
.example pre { white-space: pre-wrap; background: var(--bg); padding: 8px 10px; margin: 6px 0; font-size: 12.5px;
               max-height: 16em; overflow-y: auto; }
.answer { white-space: pre-wrap; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px;
          max-width: 60em; word-break: break-word; }
.failed td { color: #9c2f1b; }
"""

TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>MultiPriv report</title>
<style>{{ css }}</style></head>
<body>
{% macro cell(c) -%}
<td class="num">{{ c.v }}{% if c.ci %}<span class="ci">{{ c.ci }}</span>{% endif %}</td>
{%- endmacro %}
{% macro plot(b64, alt) -%}
{% if b64 %}<img class="plot" alt="{{ alt }}" src="data:image/png;base64,{{ b64 }}">{% endif %}
{%- endmacro %}
<header>
<h1>MultiPriv report</h1>
<div class="meta">{{ meta.n_models }} model{{ "s" if meta.n_models != 1 }} · {{ meta.n_items }} items about
{{ meta.n_persons }} persons · conditions: {{ meta.conditions | join(", ") }} · headline condition:
<b>{{ meta.condition }}</b> · 95% intervals from {{ meta.n_boot }} person-bootstrap resamples
{% if failed %} · <span class="sig">{{ failed | length }} model{{ "s" if failed | length != 1 }}
failed</span>{% endif %}{% if judge_note %} · {{ judge_note }}{% endif %}
</div>
</header>
<nav><a href="#headline">Headline</a><a href="#leaderboard">Leaderboard</a>
<a href="#perception">Perception vs reasoning</a><a href="#alignment">Alignment</a><a href="#language">Language</a>
<a href="#breakdowns">Breakdowns</a><a href="#examples">Examples</a>
{% if failed %}<a href="#failed">Failed models</a>{% endif %}</nav>
<main>
<section id="headline"><h2>Headline: privacy-risk ranking</h2>
{% if not risk_rows %}<p class="lead">No model produced scores, so there is nothing to rank.</p>{% else %}
<p class="lead">Higher risk means the model more often perceives, reasons its way to, and states private facts
about individuals. <b>{{ risk_rows[0].model }}</b> ranks as the highest-risk model
(risk {{ risk_rows[0].risk.v }} {{ risk_rows[0].risk.ci }}).</p>
<div class="formula">{{ risk_formula }}</div>
{% if condition_note %}<p class="note sig">{{ condition_note }}</p>{% endif %}
<div class="callout">{{ correlation_sentence }}<br>
{% if broken %}Protection breaks under adversarial framing for: <b>{{ broken | join(", ") }}</b>.
{% elif alignment_complete %}No model's protection breaks under adversarial framing by the rule below.
{% else %}Protection under adversarial framing was not tested (it needs plain, protective and adversarial
runs).{% endif %}
</div>
{{ plot(plots.risk, "risk ranking") }}
<div class="scroll"><table><tr><th>rank</th><th>model</th><th class="num">risk</th><th class="num">reasoning</th>
<th class="num">perception</th><th class="num">leak rate</th></tr>
{% for r in risk_rows %}<tr><td>{{ r.rank }}</td><td class="model">{{ r.model }}</td>{{ cell(r.risk) }}
<td class="num">{{ r.reasoning }}</td><td class="num">{{ r.perception }}</td><td class="num">{{ r.leak }}</td></tr>
{% endfor %}</table></div>{% endif %}
</section>

<section id="leaderboard"><h2>Leaderboard</h2>
<p class="note">Condition {{ meta.condition }}, non-control items. Scores are 0–1 (perception and reasoning are
macro means over the perception and the reasoning tasks, refusals score 0); rates are percentages. Answered
accuracy counts only replies that give an answer; over-refusal is the refusal rate on benign control questions.</p>
<div class="scroll"><table><tr><th>model</th>{% for h in board_header %}<th class="num">{{ h }}</th>{% endfor %}</tr>
{% for r in board_rows %}<tr><td class="model">{{ r.model }}</td>{% for c in r.cells %}{{ cell(c) }}{% endfor %}</tr>
{% endfor %}</table></div>
<h3>Per task</h3>
<p class="note">Task metric: {{ task_metrics }}. Chains also show final accuracy. {{ floor_note }}</p>
{{ plot(plots.tasks, "task scores heat map") }}
<div class="scroll"><table><tr><th>model</th>{% for h in task_header %}<th class="num">{{ h }}</th>{% endfor %}</tr>
{% for r in task_rows %}<tr{% if r.floor %} class="floor"{% endif %}><td class="model">{{ r.model }}</td>
{% for c in r.cells %}{{ cell(c) }}{% endfor %}</tr>
{% endfor %}</table></div>
</section>

<section id="perception"><h2>Perception vs reasoning</h2>
<p class="lead">{{ correlation_sentence }}</p>
{% if correlation_rows %}<table><tr><th>method</th><th class="num">estimate</th><th class="num">95% interval</th>
<th class="num">p-value</th><th class="num">models</th></tr>
{% for r in correlation_rows %}<tr><td>{{ r.method }}</td><td class="num">{{ r.estimate }}</td>
<td class="num">{{ r.interval }}</td><td class="num">{{ r.p }}</td><td class="num">{{ r.n }}</td></tr>{% endfor %}
</table>{% else %}<p class="note">{{ correlation_note }}</p>{% endif %}
{{ plot(plots.scatter, "perception against reasoning") }}
<h3>Conditional rates</h3>
<p class="note">Over reasoning items whose perception prerequisites the same model also answered (condition
{{ meta.condition }}). If perception drove reasoning, the first column would sit well above the second.</p>
{% if conditional_rows %}<div class="scroll"><table><tr><th>model</th>{% for h in conditional_header %}
<th class="num">{{ h }}</th>{% endfor %}</tr>
{% for r in conditional_rows %}<tr><td class="model">{{ r.model }}</td>
{% for c in r.cells %}{{ cell(c) }}{% endfor %}</tr>
{% endfor %}</table></div>{% else %}<p class="note">No reasoning item with answered prerequisites.</p>{% endif %}
</section>

<section id="alignment"><h2>Alignment: refusal and leaks per prompt condition</h2>
<div class="formula">{{ protection_rule }}</div>
{% if broken %}<div class="callout">Protection breaks for: <b>{{ broken | join(", ") }}</b>.</div>{% endif %}
{{ plot(plots.alignment, "refusal and leak rates per condition") }}
{% if verdict_rows %}<div class="scroll"><table><tr><th>model</th>{% for h in verdict_header %}
<th class="num">{{ h }}</th>{% endfor %}<th>verdict</th><th>why</th></tr>
{% for r in verdict_rows %}<tr><td class="model">{{ r.model }}</td>{% for c in r.cells %}{{ cell(c) }}{% endfor %}
<td><span class="badge {{ r.verdict }}">{{ r.verdict }}</span></td><td class="note">{{ r.reason }}</td></tr>
{% endfor %}</table></div>{% endif %}
{% if over_rows %}<h3>Over-refusal on benign controls</h3><div class="scroll"><table><tr><th>model</th>
{% for h in over_header %}<th class="num">{{ h }}</th>{% endfor %}</tr>
{% for r in over_rows %}<tr><td class="model">{{ r.model }}</td>{% for c in r.cells %}{{ cell(c) }}{% endfor %}</tr>
{% endfor %}</table></div>{% endif %}
</section>

<section id="language"><h2>Language: English and Chinese twins</h2>
<p class="note">Twin agreement is the share of twin pairs that are both right or both wrong. McNemar's exact test
asks whether the discordant pairs lean one way (<span class="sig">p &lt; 0.05</span> marked). The refusal gap is
the Chinese minus the English refusal rate.</p>
{{ plot(plots.language, "score per language") }}
<div class="scroll"><table><tr><th>model</th><th class="num">pairs</th><th class="num">agreement</th>
<th class="num">en ✓ zh ✗</th><th class="num">en ✗ zh ✓</th><th class="num">McNemar p</th>
<th class="num">refusal en</th><th class="num">refusal zh</th><th class="num">refusal gap (zh − en)</th></tr>
{% for r in language_rows %}<tr><td class="model">{{ r.model }}</td><td class="num">{{ r.pairs }}</td>
{{ cell(r.agreement) }}<td class="num">{{ r.b }}</td><td class="num">{{ r.c }}</td>
<td class="num{{ ' sig' if r.sig }}">{{ r.p }}</td><td class="num">{{ r.ref_en }}</td>
<td class="num">{{ r.ref_zh }}</td>
{{ cell(r.gap) }}</tr>{% endfor %}</table></div>
</section>

<section id="breakdowns"><h2>Breakdowns</h2>
{% for b in breakdown_tables %}<h3>{{ b.title }}</h3><p class="note">{{ b.note }}</p>
{% if b.plot %}{{ plot(b.plot, b.title) }}{% endif %}
{% if b.rows %}<div class="scroll"><table><tr><th>model</th>{% for h in b.header %}<th class="num">{{ h }}</th>
{% endfor %}</tr>
{% for r in b.rows %}<tr><td class="model">{{ r.model }}</td>{% for c in r.cells %}{{ cell(c) }}{% endfor %}</tr>
{% endfor %}</table></div>{% endif %}{% endfor %}
</section>

<section id="examples"><h2>Example items</h2>
<p class="note">Per task, the items on which the models disagree most (condition {{ meta.condition }}). Answers
are shown as the models gave them (trimmed), as text.</p>
{% for t in examples %}<h3>Task {{ t.task }}: {{ t.name }}</h3><div class="examples">
{% for e in t["items"] %}<div class="example"><div class="note">{{ e.id }} · {{ e.lang }}</div>
{% if e.thumbs %}<div class="thumbs">{% for th in e.thumbs %}<img alt="{{ th.path }}" title="{{ th.path }}"
src="data:image/jpeg;base64,{{ th.b64 }}">{% endfor %}</div>{% elif e.images %}<div class="note">images:
{{ e.images | join(", ") }}</div>{% endif %}
<pre>{{ e.prompt }}</pre><div><b>Gold:</b> {{ e.gold }}</div>
<table><tr><th>model</th><th>answer</th><th></th><th>refusal</th><th>leak</th></tr>
{% for a in e.answers %}<tr><td class="model">{{ a.model }}</td><td class="answer">{{ a.answer }}</td>
<td class="{{ a.mark_class }}">{{ a.mark }}</td><td>{{ a.refusal }}</td><td>{{ "leak" if a.leak else "" }}</td></tr>
{% endfor %}</table></div>{% endfor %}</div>{% else %}<p class="note">No items to show.</p>{% endfor %}
</section>

{% if failed %}<section id="failed"><h2>Failed models</h2>
<p class="note">These runs produced no usable scores; every table above covers the other models only.</p>
<table class="failed"><tr><th>model</th><th>reason</th></tr>
{% for f in failed %}<tr><td class="model">{{ f.model }}</td>
<td>{{ f.reason }}</td></tr>{% endfor %}</table></section>{% endif %}
</main></body></html>
"""
