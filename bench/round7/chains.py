import json,sys
def load(path):
    cells={}; tasks={}; plans=[]
    for line in open(path):
        o=json.loads(line)
        if 'cell' in o:
            t,r,res,perf,d,c,st=o['cell']; cells[(t,r)]=(res,perf,d,c,st)
        elif 'task' in o and isinstance(o['task'],list):
            tasks[o['task'][1]]=o['task'][0]
        else: plans.append(o)
    # group by run, task in order
    runs={}
    for p in plans:
        runs.setdefault(p['run'],[])
        rl=runs[p['run']]
        if p['pos']==0: rl.append({'task':tasks[p['task']],'key':p['task'],'est':p['est'],'plans':[],'chain':[]})
        cur=rl[-1]
        tried=set(cur['chain'])
        nxt=[r for r in p['plan'] if r not in tried]
        cur['plans'].append(nxt)
        if nxt: cur['chain'].append(nxt[0])
    return cells,runs
if __name__=='__main__':
    cells,runs=load(sys.argv[1])
    r0=runs[0]
    dec=[json.loads(l) for l in open(sys.argv[2])]
    bad=0
    for a,b in zip(r0,dec):
        if a['key']!=b['task'] or a['chain']!=b['chain']: bad+=1
    print('tasks',len(r0),'mismatch',bad)
