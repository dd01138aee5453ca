"""Where a crm process's Spark time goes, from its event log (spark.eventLog.enabled).

    python3 bench/profile.py EVENT_LOG [TOP]

EVENT_LOG is a plain event log file, or Spark 4's default: a rolling log's folder (eventlog_v2_*)
or file compressed with zstd, read through the `zstd` command.

Prints the application's wall time, its number of jobs and their summed time, then the TOP (30) call
sites by job time: the first frame of our code (com.crmanalytics) in the job's stage or, for jobs
that adaptive execution submits from its own threads, in the SQL execution that started them. Delta's
own jobs (log replay, snapshot state) have no frame of ours and are named by Spark's call site.
"""
import collections
import json
import os
import subprocess
import sys

top=int(sys.argv[2]) if len(sys.argv)>2 else 30

def lines(path):
    """The event log's lines: every events_N file of a rolling log's folder in N order, zstd or not."""
    if os.path.isdir(path):
        parts=[f for f in os.listdir(path) if f.startswith('events_')]
        for f in sorted(parts,key=lambda f:int(f.split('_')[1])):
            yield from lines(os.path.join(path,f))
    elif path.endswith('.zstd') or path.endswith('.zst'):
        yield from subprocess.run(['zstd','-dc',path],check=True,capture_output=True).stdout.decode().splitlines()
    else:
        yield from open(path)

jobs={};sqlcs={};ends={};t0=None;tend=None
for line in lines(sys.argv[1]):
    e=json.loads(line)
    ev=e['Event']
    if ev=='SparkListenerApplicationStart': t0=e['Timestamp']
    if ev=='SparkListenerApplicationEnd': tend=e['Timestamp']
    if ev=='org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart':
        cs='?'
        for l in e.get('details','').split('\n'):
            if 'com.crmanalytics' in l: cs=l.strip(); break
        sqlcs[e['executionId']]=cs
    if ev=='SparkListenerJobStart':
        p=e.get('Properties',{})
        cs='?'
        for st in sorted(e.get('Stage Infos',[]),key=lambda x:-x['Stage ID']):
            for l in st.get('Details','').split('\n'):
                if 'com.crmanalytics' in l:
                    cs=l.strip(); break
            if cs!='?': break
        xid=p.get('spark.sql.execution.id')
        if cs=='?' and xid is not None and sqlcs.get(int(xid),'?')!='?': cs=sqlcs[int(xid)]+' [sql]'
        if cs=='?' and e.get('Stage Infos'): cs='(no crm frame) '+e['Stage Infos'][-1].get('Stage Name','')
        jobs[e['Job ID']]=(e['Submission Time'],cs,len(e.get('Stage IDs',[])))
    if ev=='SparkListenerJobEnd': ends[e['Job ID']]=e['Completion Time']
agg=collections.defaultdict(lambda:[0,0.0])
tot=0
for j,(s,cs,n) in jobs.items():
    d=(ends.get(j,s)-s)/1000; tot+=d
    agg[cs][0]+=1; agg[cs][1]+=d
print(f"app {((tend or 0)-(t0 or 0))/1000:.1f}s, {len(jobs)} jobs, job time {tot:.1f}s")
for cs,(n,d) in sorted(agg.items(),key=lambda x:-x[1][1])[:top]:
    print(f"{d:7.2f}s {n:4d}  {cs}")
