import json,sys
from chains import load
from bound import evaluate
from rules import p_of

def bench(task): return task['key'].split('::')[0]

def online_features(cells,runs):
    """per run, per task: dict j -> empirical P(fail at pos j | reached), by bench, from earlier tasks (memory)"""
    for run in runs.values():
        cnt={}
        for task in run:
            b=bench(task); t=task['task']
            task['q']=[]
            for j,r in enumerate(task['chain']):
                f,n=cnt.get((b,min(j,3)),(0,0))
                task['q'].append((f+1)/(n+2))
            for j,r in enumerate(task['chain']):
                k=(b,min(j,3)); f,n=cnt.get(k,(0,0))
                cnt[k]=(f+(0 if cells[(t,r)][0] else 1),n+1)

if __name__=='__main__':
    cells,runs=load(sys.argv[1]); cap=int(sys.argv[2])
    online_features(cells,runs)
    for K in (3,4):
        for th in (0.5,0.6,0.7,0.8,0.85,0.9):
            fn=lambda j,task,K=K,th=th: K if task['q'][j]>=th else 1
            print('Q K=%d th=%.2f: wall %.1f%% dCumReg %+.2f (%.2f h, $%.2f)'%((K,th)+evaluate(cells,runs,cap,fn)))
    for K in (3,4):
        for F in (1,2):
            fn=lambda j,task,K=K,F=F: K if j>=F else 1
            print('after F=%d race K=%d: wall %.1f%% dCumReg %+.2f (%.2f h, $%.2f)'%((F,K)+evaluate(cells,runs,cap,fn)))
        # combined: first batch by policy p threshold, after failures always
        for th in (0.5,0.6,0.7):
            fn=lambda j,task,K=K,th=th: K if (j>=1 or 1-p_of(task,task['chain'][j],j)>=th) else 1
            print('after 1 or p<th K=%d th=%.1f: wall %.1f%% dCumReg %+.2f (%.2f h, $%.2f)'%((K,th)+evaluate(cells,runs,cap,fn)))
