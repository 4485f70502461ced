import json,sys,itertools
from chains import load
from bound import batch_outcome, seq

def options(cells,task,cap,K,extras_ok):
    """All partitions of the chain into batches <=K (the last may add extras beyond the chain's end).
    Returns list of (wall, cost, perfdelta)."""
    t=task['task']; chain=task['chain']; m=len(chain)
    extras=[r for r in task['plans'][m-1][1:] if r not in chain]
    last_ok=cells[(t,chain[-1])][0]
    out=[]
    def rec(j,wall,cost,sizes):
        if j>=m: out.append((wall,cost,0.0)); return
        for k in range(1,K+1):
            if j+k>cap: break
            if j+k<=m: routes=chain[j:j+k]
            else:
                if not extras_ok or not last_ok: break
                ex=extras[:j+k-m]
                if len(ex)<j+k-m: break
                routes=chain[j:]+ex
            w,c,win=batch_outcome(cells,t,routes)
            if win is not None:
                pf=cells[(t,routes[win])][1]-cells[(t,chain[-1])][1]
                out.append((wall+w,cost+c,pf)); continue
            rec(j+k,wall+w,cost+c,sizes+[k])
    rec(0,0,0,[])
    return out

def bound(cells,runs,cap,K,extras_ok,lam_per_h):
    W=W2=C=C2=P=0
    for run in runs.values():
        for task in run:
            w,c=seq(cells,task); W+=w; C+=c
            best=None
            for (w2,c2,pf) in options(cells,task,cap,K,extras_ok):
                # value: hours saved*lam - extra regret in $ (regret $ = cost - 10*perf)
                v=(w-w2)/3.6e6*lam_per_h-((c2-c)-10*pf)
                if best is None or v>best[0]: best=(v,w2,c2,pf)
            W2+=best[1]; C2+=best[2]; P+=best[3]
    n=len(runs)
    return (W2-W)/W*100, (-P+0.1*(C2-C))/n

if __name__=='__main__':
    cells,runs=load(sys.argv[1]); cap=int(sys.argv[2])
    for K in (3,4,8):
        print('free (chain only) <=%d: wall %.1f%% dCumReg %+.2f'%((K,)+bound(cells,runs,cap,K,False,1e6)))
    for K in (3,):
        for lam in (1,2,3,4,6,10,20,60):
            print('with extras <=%d, $%d/h: wall %.1f%% dCumReg %+.2f'%((K,lam)+bound(cells,runs,cap,K,True,lam)))
