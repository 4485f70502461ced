import sys
import bound2
from chains import load
from waitmode import batch_wait
bound2.batch_outcome=batch_wait
for seed in sys.argv[1:]:
    for cap in (3,8):
        cells,runs=load('seq-ood176-%d-%s.jsonl'%(cap,seed))
        print(seed,'cap',cap,'wait, chain only <=3: %.1f%% %+.2f'%bound2.bound(cells,runs,cap,3,False,1e6),
              '<=8: %.1f%% %+.2f'%bound2.bound(cells,runs,cap,8,False,1e6),
              'extras <=3 $3/h: %.1f%% %+.2f'%bound2.bound(cells,runs,cap,3,True,3),flush=True)
