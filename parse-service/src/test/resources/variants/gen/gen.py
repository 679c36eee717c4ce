# Regenerates the variant inputs and expected.json from the fixture/seed numbers: python3 gen.py
import json, os, sys
HERE=os.path.dirname(os.path.abspath(__file__))
R=os.path.join(HERE,'..','..')+'/'
OUT=R+'variants/'
e=json.load(open(R+'fixtures/pingtan-syq-2021/expected.json'))
C=e['cells']
cols=['natural','commercial','research','social','legal','other','total']
S3LABELS=list(e['applications'].keys())
S3VALS=list(e['applications'].values())
S4=e['reviewLitigation']
names=[]
def write(name, inp, content, exp, enc='utf-8'):
    d=OUT+name; os.makedirs(d,exist_ok=True)
    with open(d+'/'+inp,'wb') as f: f.write(content.encode(enc))
    exp=dict(exp); exp['input']=inp
    json.dump(exp, open(d+'/expected.json','w'), ensure_ascii=False, indent=1)
    names.append(name)

def sub(prefixes, cells=C): return {k:v for k,v in cells.items() if any(k.startswith(p) for p in prefixes)}
def f(v): return '<font face="仿宋_GB2312">&nbsp;%s&nbsp;</font>'%v
def vert(s): return '<br>'.join(s)

# ---------- HTML 2021, heavy spans, TRS chrome, GBK ----------
def t2_2021(fv=f):
    return ('<table border="1"><tr><td colspan="4">第二十条第（一）项</td></tr>'
     '<tr><td>信息内容</td><td>本年<br>制发件数</td><td>本年<br>废止件数</td><td>现行有效<br>件数</td></tr>'
     '<tr><td>规章</td><td>%s</td><td>%s</td><td>%s</td></tr><tr><td>行政规范性文件</td><td>%s</td><td>%s</td><td>%s</td></tr>'
     '<tr><td colspan="4">第二十条第（五）项</td></tr><tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>'
     '<tr><td>行政许可</td><td colspan="3">%s</td></tr>'
     '<tr><td colspan="4">第二十条第（六）项</td></tr><tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>'
     '<tr><td>行政处罚</td><td colspan="3">%s</td></tr><tr><td>行政强制</td><td colspan="3"><span style="font-size:12pt">%s</span></td></tr>'
     '<tr><td colspan="4">第二十条第（八）项</td></tr><tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>'
     '<tr><td>行政事业性收费</td><td colspan="3">%s</td></tr></table>') % tuple(fv(x) for x in [0,0,0,69,3,665,2293,1282,42,'24252.311082'])

def t3(labels, vals, single_other=False, vcell=True):
    h=('<table border="1"><tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
       '<td colspan="8">申请人情况</td></tr>'
       '<tr><td rowspan="2">%s</td><td colspan="5">法人或其他组织</td><td rowspan="2">%s</td></tr>'
       '<tr><td>&nbsp;</td><td>商业<br>企业</td><td>科研<br>机构</td><td>社会公益<br>组织</td><td>法律服务<br>机构</td><td>其他</td></tr>') % (vert('自然人'), vert('总计'))
    rows=''
    groups={'（三）不予公开':8,'（四）无法提供':3,'（五）不予处理':5,'（六）其他处理':3}
    first=True
    for lab,v in zip(labels,vals):
        cells=''.join('<td>%s</td>'%f(x) for x in v)
        if lab.startswith('一、') or lab.startswith('二、') or lab.startswith('四、'):
            rows+='<tr><td colspan="3">%s</td>%s</tr>'%(lab,cells); continue
        pre=''
        if lab.startswith('（一）'):
            pre='<td rowspan="%d">%s</td>'%(23 if not single_other else 21, vert('三、本年度办理结果'))
        g=lab.split(' ')[0]
        if ' ' in lab:
            sublab=lab.split(' ',1)[1]
            if sublab.startswith('1.'):
                pre+='<td rowspan="%d">%s</td>'%(groups[g],g)
            rows+='<tr>%s<td>%s</td>%s</tr>'%(pre,sublab,cells)
        else:
            rows+='<tr>%s<td colspan="2">%s</td>%s</tr>'%(pre,lab,cells)
    return h+rows+'</table>'

def t4(vals):
    hdr=('<table border="1"><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>'
     '<tr>'+''.join('<td rowspan="2">%s</td>'%vert(x) for x in ['结果维持','结果纠正','其他结果','尚未审结','总计'])+
     '<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>'
     '<tr>'+''.join('<td>%s</td>'%vert(x) for x in ['结果维持','结果纠正','其他结果','尚未审结','总计']*2)+'</tr>')
    return hdr+'<tr>'+''.join('<td>%s</td>'%f(x) for x in vals)+'</tr></table>'

def t4_2rows(vals):
    hdr=('<table border="1"><tr><td colspan="5">行政复议</td><td colspan="5">行政诉讼（未经复议直接起诉）</td><td colspan="5">行政诉讼（复议后起诉）</td></tr>'
     '<tr>'+''.join('<td>%s</td>'%x for x in ['结果维持','结果纠正','其他结果','尚未审结','总计']*3)+'</tr>')
    return hdr+'<tr>'+''.join('<td>%s</td>'%x for x in vals)+'</tr></table>'

def body(t2,t3s,t4s, h4='四、政府信息公开行政复议、行政诉讼情况', h5='五、存在的主要问题及改进情况'):
    return ('<p>本报告根据《条例》编制。</p><p>一、总体情况</p><p>2021年，全区共收到申请70件。</p>'
      '<p>二、主动公开政府信息情况</p>'+t2+'<p>三、收到和处理政府信息公开申请情况</p>'+t3s+
      '<p>%s</p>'%h4+t4s+'<p>%s</p><p>存在的问题是宣传不够。</p><p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>'%h5)

def trs(title, date, src, content, charset='utf-8'):
    return ('<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=%s"><title>%s_平潭综合实验区党工委管委会</title></head><body>'
      '<div class="top"><a href="/">首页</a> | <a href="#">无障碍</a> | 电话：0591-23165385</div>'
      '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="#">政府信息公开年报</a></div>'
      '<div class="article"><h1>%s</h1><div class="info">来源：%s　发布时间：%s　阅读次数：1234　<a>【打印】</a><a>【关闭】</a> 分享到：<a>微信</a><a>微博</a><a>QQ空间</a></div>'
      '<div class="TRS_Editor">%s</div></div>'
      '<div class="related"><ul>%s</ul></div>'
      '<div class="footer">主办单位：平潭综合实验区管委会办公室 联系电话：0591-23165385 闽ICP备12345678号-1 闽公网安备 35012802000123号 网站标识码3501000001</div></body></html>'
      ) % (charset, title, title, src, date, content, ''.join('<li><a href="#">关于2022年第%d批项目的公示</a></li>'%i for i in range(20)))

T='平潭综合实验区2021年度政府信息公开工作年度报告'
full=sub(['s2','s3','s4'])
meta={'year':2021,'formatVersion':'2021','publishedAt':'2022-02-08','agency':'平潭综合实验区','province':'福建省'}
write('html-2021-trs-gbk','page.html', trs(T,'2022-02-08 16:34','平潭综合实验区管委会办公室', body(t2_2021(), t3(S3LABELS,S3VALS), t4(S4)), 'gb2312'),
      dict(meta, title=T, cells=full, warnings=[]), enc='gbk')
write('html-2021-t4-two-header-rows','page.html', trs(T,'2022-02-08','平潭综合实验区管委会办公室', body(t2_2021(), t3(S3LABELS,S3VALS), t4_2rows(S4),
      h4='四、因政府信息公开申请行政复议、提起行政诉讼的情况', h5='五、存在问题及改进情况')),
      dict(meta, title=T, cells=full, warnings=[]))
# slash / dash cells -> null
C2=dict(full); v2=[['0','/','0'],['69','—','665']]
C2['s2.rules.repealed']=None; C2['s2.normative.repealed']=None
t2s=t2_2021(lambda x:x).replace('<td>0</td><td>0</td><td>0</td>','<td>0</td><td>/</td><td>0</td>',1).replace('<td>69</td><td>3</td>','<td>69</td><td>—</td>',1)
write('html-2021-slash-dash','page.html', trs(T,'2022年2月8日','平潭综合实验区管委会办公室', body(t2s, t3(S3LABELS,S3VALS), t4(S4))),
      dict(meta, cells=C2, warnings=[]))
# mixed era: 2021 table 二, single （六） row in table 三
L19=[l for l in S3LABELS if not l.startswith('（六）')]; V19=[v for l,v in zip(S3LABELS,S3VALS) if not l.startswith('（六）')]
i=L19.index('（七）总计'); L19.insert(i,'（六）其他处理'); V19.insert(i,[1,0,0,0,0,0,1])
Cm={k:v for k,v in full.items() if not k.startswith('s3.other_')}
for c in cols: Cm['s3.other.'+c]=1 if c in('natural','total') else 0
write('html-mixed-2021-t2-single-other','page.html', trs(T.replace('2021','2023'),'2024-01-20','平潭综合实验区管委会办公室', body(t2_2021(), t3(L19,V19,single_other=True), t4(S4))),
      dict(year=2023, formatVersion='2021', publishedAt='2024-01-20', cells=Cm, warnings=['PARSE.MIXED_FORMAT']))

# ---------- PDF-like text ----------
def s3lines(labels, vals, sep=' '):
    out=[]
    for l,v in zip(labels,vals):
        out.append(l+sep+sep.join(str(x) for x in v))
    return out
base=open(R+'synthetic/pdf-layout-2021.txt').read()
write('pdf-2021-base','page.txt', base, dict(meta, publishedAt='2022-01-28', agency='某某县人民政府', province=None, cells=full, warnings=[]))
half=base.replace('（','(').replace('）',')').replace('，',',').replace('、',',',0)
write('pdf-2021-halfwidth','page.txt', half, dict(year=2021, formatVersion='2021', publishedAt='2022-01-28', cells=full, warnings=[]))
rew=base.replace('四、政府信息公开行政复议、行政诉讼情况','四、因政府信息公开申请行政复议、提起行政诉讼的情况').replace('五、政府信息公开工作存在的主要问题及改\n进情况','五、存在问题及改进情况').replace('二、主动公开政府信息情况','二、主动公开政府\n信息情况')
write('pdf-2021-reworded-headings','page.txt', rew, dict(year=2021, formatVersion='2021', publishedAt='2022-01-28', cells=full, warnings=[]))
# truncated mid table
cut=base[:base.index('（五）不予处理')]+'（五）不予处理 1.信访举报投诉类申请 0 0 0'
Ct={k:v for k,v in full.items() if k.startswith('s2') or any(k.startswith('s3.'+r+'.') for r in ['new','carried_in','granted','partial','withheld_1','unavailable_1'])}
write('pdf-2021-truncated','page.txt', cut, dict(cells=Ct, warningsInclude=['PARSE.TABLE_TRUNCATED'], nullCells=['s3.processed_total.total','s3.carried_out.total','s4.review.total']))
exec(open(os.path.join(HERE,'more.py')).read())
json.dump(names, open(OUT+'index.json','w'), ensure_ascii=False, indent=1)
print(names)
