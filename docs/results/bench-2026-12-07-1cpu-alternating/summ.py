import re,glob,statistics,sys
def load(files, threads):
    d={}
    for f in files:
        per={}
        for l in open(f):
            m=re.match(r'# run op=(\S+) backing=(\S+) threads=(\d+) run=\d+ seconds=([\d.]+)',l)
            if m and m.group(3)==threads:
                per.setdefault((m.group(2),m.group(1)),[]).append(float(m.group(4)))
        for k,v in per.items(): d.setdefault(k,[]).append(statistics.median(v))
    return d
def files(pats): return sorted(f for p in pats.split(',') for f in glob.glob(p))
stock=load(files(sys.argv[1]),'1')
ser=load(files(sys.argv[2]),sys.argv[3])
order=['prefaulted-map','unmap','iommufd-prefaulted-map','iommufd-unmap']
print('| backing | operation | stock, each boot | median | series, each boot | median | ratio |')
print('|---|---|---|---|---|---|---|')
for k in sorted(stock, key=lambda k:(k[0],order.index(k[1]))):
    s=stock[k]; r=ser.get(k,[])
    ms=statistics.median(s); mr=statistics.median(r) if r else float('nan')
    print(f"| {k[0]} | {k[1]} | {' '.join('%.4f'%x for x in s)} | {ms:.4f} | {' '.join('%.4f'%x for x in r)} | {mr:.4f} | {ms/mr:.2f}x |")
