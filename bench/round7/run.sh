#!/bin/bash
# run.sh DATASET SEED "JAVA -D opts" -> wall%/dCumReg per cell, canonical then shuffled, cap 3; cap 8
d=$1; s=$2; o=$3
ACR_JAVA_OPTS="-XX:+UseSerialGC $o" /work/wt/race7/bin/acr bench replay --dataset $d --max-attempts 3,8 --routers acr --race auto --seeds 20 --orders 20 --seed $s --json 2>/dev/null | python3 -c '
import sys,json
m=json.load(sys.stdin); out=[]; met=0
for ds,caps in m.items():
  for cap in ("cap3","cap8"):
    cells=[]
    for kind in ("canonical","shuffled"):
      a=caps[cap]["acr"][kind]; b=caps[cap]["acr --race auto"][kind]
      if "mean" in a: a=a["mean"]; b=b["mean"]
      dw=(b["Wall_h"]-a["Wall_h"])/a["Wall_h"]*100; dc=b["CumReg"]-a["CumReg"]
      ok=dw<=-30 and dc<=1.0; met+=ok
      cells.append("%.1f/%+.2f%s"%(dw,dc,"*" if ok else ""))
    out.append(ds+" "+cap+" "+", ".join(cells))
print(" | ".join(out)+" (met %d)"%met)
'
