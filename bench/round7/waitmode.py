import sys
import bound
ORIG=bound.batch_outcome
from chains import load
from bound import evaluate
from planner import online_durations, width

def batch_wait(cells,t,routes):
    res=[cells[(t,r)] for r in routes]
    win=next((i for i,r in enumerate(res) if r[0]),None)
    if win is None:
        return max(r[2] for r in res), sum(r[3] for r in res), None
    wall=max(r[2] for r in res[:win+1]); cost=0
    for i,(rs,pf,d,c,st) in enumerate(res):
        if i<=win or d<=wall: cost+=c
        else: cost+=c*wall/d
    return wall,cost,win

if __name__=='__main__':
    seed=sys.argv[1]
    for cap in (3,8):
        cells,runs=load('seq-ood176-%d-%s.jsonl'%(cap,seed)); online_durations(cells,runs)
        for mode in ('first-wins','wait'):
            bound.batch_outcome = ORIG if mode=="first-wins" else batch_wait
            import importlib
            hb=evaluate(cells,runs,cap,lambda j,t: min(3,len(t['chain'])-j))
            out=['hindsight %.1f%%/%+.2f'%hb[:2]]
            for V in (20,60,120):
                r=evaluate(cells,runs,cap,lambda j,t: width(t,j,V,False,0.7,3))
                out.append('V%d %.1f%%/%+.2f'%(V,r[0],r[1]))
            print(seed,'cap',cap,mode,' | '.join(out),flush=True)
        bound.batch_outcome=orig if False else bound.batch_outcome
