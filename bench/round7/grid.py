import sys
from chains import load
from bound import evaluate
from planner import online_durations, width
res={}
for cap in (3,8):
    cells,runs=load('seq-ood176-%d-%s.jsonl'%(cap,sys.argv[1])); online_durations(cells,runs)
    for disc in (0.5,0.7,1.0):
        for K in (3,4):
            if cap==3 and K==4: continue
            for V in (10,20,30,60):
                r=evaluate(cells,runs,cap,lambda j,t: width(t,j,V,False,disc,K))
                print('cap %d disc %.1f K %d V %d: %.1f%% %+.2f'%(cap,disc,K,V,r[0],r[1]),flush=True)
