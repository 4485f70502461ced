import json,sys
from chains import load
from bound import evaluate

def agree(runs):
    tot=ok=0
    for run in runs.values():
        for task in run:
            ch=task['chain']
            for j,p in enumerate(task['plans'][:len(ch)]):
                if len(ch)>j+1 and len(p)>1:
                    tot+=1; ok+= p[1]==ch[j+1]
    return ok,tot

def p_of(task,route,j,disc=0.7):
    e=task['est'].get(route)
    return (e[0] if e else 0.5)*disc**j

def legs(task,j):
    ch=task['chain']; m=len(ch)
    ex=[r for r in task['plans'][m-1][1:] if r not in ch]
    return (ch[j:]+ex)

if __name__=='__main__':
    cells,runs=load(sys.argv[1]); cap=int(sys.argv[2])
    print('plan[1]==chain next: %d/%d'%agree(runs))
    for K in (2,3,4):
        for th in (0.3,0.4,0.5,0.6,0.7,0.8,0.9):
            def fn(j,task,K=K,th=th):
                return K if 1-p_of(task,task['chain'][j],j)>=th else 1
            print('R1 K=%d th=%.1f: wall %.1f%% dCumReg %+.2f (%.2f h, $%.2f)'%((K,th)+evaluate(cells,runs,cap,fn)))
