#!/usr/bin/python3
"""Collects the commit messages git's t7513-interpret-trailers.sh feeds to `git interpret-trailers`.

Every here-document the test writes to a file other than `expected` (or pipes into the command) is
a message; `<<-` strips leading tabs, as the shell does. Documents with shell expansions are left
out (their text depends on the loop). The output, a JSON list of {test, text}, is
test/fixtures/peer/t7513-messages.json; the unit test asks the real `git interpret-trailers
--parse` about each, so the file holds inputs only.

usage: extract_t7513_messages.py t7513-interpret-trailers.sh OUT_JSON
"""
import json
import re
import sys

src, out = sys.argv[1:3]
lines = open(src).read().split('\n')
messages, test = [], None
i = 0
while i < len(lines):
    line = lines[i]
    m = re.match(r"\s*test_expect_success\s+(?:\w+\s+)?['\"](.*?)['\"]", line)
    if m:
        test = m.group(1)
    h = re.search(r"<<(-?)\s*(\\?)(EOF|\\EOF)\b", line)
    if h:
        strip, quoted = h.group(1) == '-', h.group(2) == '\\'
        body = []
        i += 1
        while i < len(lines) and (lines[i].lstrip('\t') if strip else lines[i]) != 'EOF':
            body.append(lines[i].lstrip('\t') if strip else lines[i])
            i += 1
        target = re.search(r">\s*(\S+)", line.split('<<')[0]) or re.search(r">\s*(\S+)", line.split('<<')[1])
        name = target.group(1) if target else ''
        text = '\n'.join(body) + '\n'
        if 'expect' in name or (not quoted and '$' in text):
            i += 1
            continue
        if name in ('expected', 'expect') or 'cat >expected' in line:
            i += 1
            continue
        if '.sh' in name or name.startswith('.git') or 'config' in line:
            i += 1
            continue
        # The filters the test pipes the document through.
        if 'q_to_tab' in line:
            text = text.replace('Q', '\t')
        if 'tr _ " "' in line:
            text = text.replace('_', ' ')
        if 's/ Z\\$/ /' in line or 's/ Z\$/ /' in line:
            text = re.sub(r' Z$', ' ', text, flags=re.M)
        messages.append({'test': test, 'file': name, 'text': text})
        # Appended to the basic message (`cat basic_message >patch && cat >>patch`): that too.
        if '>>' in line or re.search(r'cat basic_message >%s' % re.escape(name.lstrip('>')), '\n'.join(lines[max(0, i - len(body) - 3):i])):
            messages.append({'test': test, 'file': name, 'text': 'subject\n\nbody\n' + text})
    i += 1
seen, unique = set(), []
for m in messages:
    if m['text'] not in seen:
        seen.add(m['text'])
        unique.append(m)
json.dump(unique, open(out, 'w'), indent=1)
open(out, 'a').write('\n')
print(len(unique), 'messages')
