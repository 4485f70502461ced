import json,sys,math
from chains import load

def batch_outcome(cells,t,routes):
    res=[cells[(t,r)] for r in routes]
    win=None
    for i,(rs,pf,d,c,st) in enumerate(res):
        if rs and (win is None or d<res[win][2] or (d==res[win][2] and c<res[win][3])): win=i
    if win is None:
        return max(r[2] for r in res), sum(r[3] for r in res), None
    dw=res[win][2]; cost=0
    for i,(rs,pf,d,c,st) in enumerate(res):
        if i==win or d<=dw and not rs: cost+=c
        else: cost+= c*(dw/d if d>0 else 1)
    return dw,cost,win

def simulate(cells,task,cap,width_fn):
    """width_fn(j, task) -> k. returns (wall, cost, perf)"""
    t=task['task']; chain=task['chain']; m=len(chain)
    j=0; wall=0; cost=0
    while j<m:
        k=max(1,min(width_fn(j,task),cap-j))
        if j+k<=m: routes=chain[j:j+k]
        else:
            extras=[r for r in task['plans'][m-1][1:] if r not in chain]
            routes=chain[j:]+extras[:j+k-m]
        w,c,win=batch_outcome(cells,t,routes)
        wall+=w; cost+=c
        if win is not None:
            return wall,cost,cells[(t,routes[win])][1]
        j+=k
    last=cells[(t,chain[-1])]
    return wall,cost,None

def seq(cells,task):
    t=task['task']
    return sum(cells[(t,r)][2] for r in task['chain']), sum(cells[(t,r)][3] for r in task['chain'])

def evaluate(cells,runs,cap,width_fn):
    W=W2=C=C2=P=0
    for run in runs.values():
        for task in run:
            w,c=seq(cells,task); W+=w; C+=c
            w2,c2,perf=simulate(cells,task,cap,width_fn); W2+=w2; C2+=c2
            if perf is not None:
                # perf change: winner perf vs sequential final's perf (chain end)
                P+=perf-cells[(task['task'],task['chain'][-1])][1] if cells[(task['task'],task['chain'][-1])][0] else perf-cells[(task['task'],task['chain'][-1])][1]
    n=len(runs)
    dreg=(-P+0.1*(C2-C))/n
    return (W2-W)/W*100, dreg, W/n/3.6e6, (C2-C)/n

if __name__=='__main__':
    cells,runs=load(sys.argv[1]); cap=int(sys.argv[2])
    print('seq wall_h %.2f'%(sum(seq(cells,t)[0] for r in runs.values() for t in r)/len(runs)/3.6e6))
    # hindsight: race whole remaining chain in batches of <=K, never beyond the chain
    for K in (2,3,8):
        def fn(j,task,K=K): return min(K,len(task['chain'])-j)
        print('hindsight chain batches <=%d: wall %.1f%%, dCumReg %+.2f (seq %.2f h, dcost $%.2f)'%((K,)+evaluate(cells,runs,cap,fn)))
    # no hindsight: always race K from the chain (extras beyond)
    for K in (2,3):
        def fn(j,task,K=K): return K
        print('always %d: wall %.1f%%, dCumReg %+.2f (seq %.2f h, dcost $%.2f)'%((K,)+evaluate(cells,runs,cap,fn)))
