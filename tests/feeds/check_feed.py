#!/usr/bin/python3
"""Reads an iCalendar feed with python3-icalendar (Debian's, run by /usr/bin/python3) and prints
its occurrences in [FROM, TO) as JSON: one {"uid", "start" (UTC, RFC 3339), "status"} per date,
RRULE expanded on the Europe/Riga wall clock with dateutil, minus EXDATE, with RECURRENCE-ID
overrides applied. Usage: check_feed.py FEED.ics FROM TO   (dates YYYY-MM-DD)"""
import json, sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo
from dateutil.rrule import rrulestr
from icalendar import Calendar

feed, start, end = sys.argv[1], sys.argv[2], sys.argv[3]
riga = ZoneInfo('Europe/Riga')
lo = datetime.fromisoformat(start).replace(tzinfo=riga)
hi = datetime.fromisoformat(end).replace(tzinfo=riga)
cal = Calendar.from_ical(open(feed, 'rb').read())
assert cal.get('VERSION') == '2.0'
assert any(c.name == 'VTIMEZONE' and str(c.get('TZID')) == 'Europe/Riga' for c in cal.walk())

def local(v):
    dt = v.dt
    assert dt.tzinfo is not None, 'a floating time'
    assert str(v.params.get('TZID')) == 'Europe/Riga', v.params
    return dt.replace(tzinfo=None)

masters, overrides = {}, {}
for c in cal.walk('VEVENT'):
    uid = str(c['UID'])
    if 'RECURRENCE-ID' in c:
        overrides[(uid, local(c['RECURRENCE-ID']))] = c
    else:
        masters[uid] = c
out = []
for uid, c in masters.items():
    first = local(c['DTSTART'])
    status = str(c.get('STATUS', 'CONFIRMED'))
    if 'RRULE' in c:
        rule = rrulestr(c['RRULE'].to_ical().decode(), dtstart=first, ignoretz=True) if 'UNTIL' not in c['RRULE'] else None
        if rule is None:
            r = dict(c['RRULE'])
            until = r['UNTIL'][0]
            if until.tzinfo is not None:
                until = until.astimezone(riga).replace(tzinfo=None)
            text = ';'.join(f'{k}={",".join(str(x) for x in v)}' for k, v in r.items() if k != 'UNTIL')
            rule = rrulestr(text + ';UNTIL=' + until.strftime('%Y%m%dT%H%M%S'), dtstart=first, ignoretz=True)
        instances = list(rule.between(lo.replace(tzinfo=None), hi.replace(tzinfo=None), inc=True))
    else:
        instances = [first] if lo.replace(tzinfo=None) <= first < hi.replace(tzinfo=None) else []
    exdates = set()
    for ex in (c.get('EXDATE') if isinstance(c.get('EXDATE'), list) else [c.get('EXDATE')] if c.get('EXDATE') else []):
        for d in ex.dts:
            exdates.add(d.dt.replace(tzinfo=None))
    for original in instances:
        if original in exdates:
            continue
        o = overrides.get((uid, original))
        when = local(o['DTSTART']) if o else original
        st = str(o.get('STATUS', 'CONFIRMED')) if o else status
        out.append({'uid': uid, 'start': when.replace(tzinfo=riga).astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ'), 'status': st})
out.sort(key=lambda x: (x['start'], x['uid']))
print(json.dumps(out))
