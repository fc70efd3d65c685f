#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# debugging helper: human-readable dump of driver output
python3 "$(dirname "$0")/driver.py" "$@" | python3 -c "
import json,sys
d=json.load(sys.stdin)
for c in d['cases']:
  print('==',c['id'], '#py-only' if c['py_only'] else '')
  for s in c['steps']: print('  ',s['src'],' -> ',s['result'])
"
