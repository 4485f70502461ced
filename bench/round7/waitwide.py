import sys
import bound
ORIG=bound.batch_outcome
from chains import load
from bound import evaluate
from planner import online_durations, width
from waitmode import batch_wait
cap=8
cells,runs=load('seq-ood176-8-%s.jsonl'%sys.argv[1]); online_durations(cells,runs)
for mode in ('first','wait'):
    bound.batch_outcome = ORIG if mode=='first' else batch_wait
    for K in (3,5,8):
        out=[]
        for V in (20,60,240):
            r=evaluate(cells,runs,cap,lambda j,t: width(t,j,V,False,0.7,K))
            out.append('V%d %.1f%%/%+.2f'%(V,r[0],r[1]))
        print(mode,'K',K,' | '.join(out),flush=True)
