import sys
from chains import load
from bound import evaluate
from rules import p_of
from rules2 import bench

def group(task,j):
    p=p_of(task,task['chain'][j],j)
    return (min(j,3), bench(task), min(int(p*5),4))

if __name__=='__main__':
    cells,runs=load(sys.argv[1]); cap=int(sys.argv[2]); K=int(sys.argv[3])
    gs=set(group(t,j) for r in runs.values() for t in r for j in range(len(t['chain'])))
    base=evaluate(cells,runs,cap,lambda j,t:1)
    rat=[]
    for g in gs:
        w,d,h,c=evaluate(cells,runs,cap,lambda j,t,g=g: K if group(t,j)==g else 1)
        rat.append(((-w)/max(d,1e-3) if d>0 else 1e9*(-w), g, w, d))
    rat.sort(reverse=True)
    sel=set()
    for r,g,w,d in rat:
        if w>=0: continue
        sel.add(g)
        W,D,h,c=evaluate(cells,runs,cap,lambda j,t: K if group(t,j) in sel else 1)
        print('%-28s alone %.1f%%/%+.2f  cumulative %.1f%% %+.2f'%(g,w,d,W,D))
