import sys
from chains import load
from bound import evaluate
from rules import p_of, legs

def online_durations(cells,runs):
    for run in runs.values():
        s={}; tot=[0,0]
        for task in run:
            task['dur']={}
            for r in task['est']:
                a=s.get(r)
                task['dur'][r]= a[0]/a[1] if a else (tot[0]/tot[1] if tot[1] else 180000)
            for r in task['chain']:
                d=cells[(task['task'],r)][2]; a=s.setdefault(r,[0,0]); a[0]+=d; a[1]+=1; tot[0]+=d; tot[1]+=1

def gain(task,j,k,V,share,disc):
    L=legs(task,j)[:k]
    ps=[p_of(task,r,j,disc) for r in L]; cs=[task['est'][r][1] for r in L]; ts=[task['dur'][r] for r in L]
    q=1; seqT=seqC=0; qs=[]
    for i in range(k):
        qs.append(q); seqT+=q*ts[i]; seqC+=q*cs[i]; q*=1-ps[i]
    raceT=max(ts)*(1-(1-q)/2)
    if share:
        # extra cost: racer i paid when an earlier one verified: its share up to the first's time
        extra=sum((1-qs[i])*cs[i]*min(1,ts[0]/ts[i]) for i in range(1,k))
    else:
        extra=sum(cs)-seqC
    return max(0,seqT-raceT)/3.6e6*V-extra

def width(task,j,V,share,disc,K=3):
    best=1;bg=0
    for k in range(2,min(K,len(legs(task,j)))+1):
        g=gain(task,j,k,V,share,disc)
        if g>bg: best=k;bg=g
    return best

if __name__=='__main__':
    cells,runs=load(sys.argv[1]); cap=int(sys.argv[2])
    online_durations(cells,runs)
    for share in (False,True):
        for V in (3,5,10,20,30,60):
            fn=lambda j,t,V=V,share=share: width(t,j,V,share,0.7)
            print('share=%s V=%d: wall %.1f%% dCumReg %+.2f (%.2f h, $%.2f)'%((share,V)+evaluate(cells,runs,cap,fn)))
