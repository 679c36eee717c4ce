# ---------- harder extracted-text layouts ----------
def pdf_text(title, date_line, t3_lines, t4_lines, extra_head='', h2='二、主动公开政府信息情况', h3='三、收到和处理政府信息公开申请情况',
             h4='四、政府信息公开行政复议、行政诉讼情况', h5='五、政府信息公开工作存在的主要问题及改进情况'):
    return '\n'.join([title, date_line, extra_head, '一、总体情况', '2021年，共收到申请70件。', h2,
      '第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '规章', '0', '0', '0', '行政规范性文件', '69', '3', '665',
      '第二十条第（五）项', '信息内容', '本年处理决定数量', '行政许可', '2293', '第二十条第（六）项', '信息内容', '本年处理决定数量',
      '行政处罚', '1282', '行政强制', '42', '第二十条第（八）项', '信息内容', '本年收费金额（单位：万元）', '行政事业性收费', '24252.311082',
      '-2-', h3] + t3_lines + [h4] + t4_lines + [h5, '宣传不够。', '六、其他需要报告的事项', '本年度未收取信息处理费。', '某某市司法局', '2022年1月25日', ''])
hdr=['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）','申请人情况','自然人','法人或其他组织','总计','商业企业','科研机构','社会公益组织','法律服务机构','其他']
# vertical label one char per line, group labels on same line as first sub-row, page break with repeated header
lines=list(hdr)
vlabel=list('三、本年度办理结果')
k=0
for lab,v in zip(S3LABELS,S3VALS):
    if lab.startswith('（七）') or lab.startswith('（一）'):
        pass
    if lab.startswith('（三）不予公开 5'):
        lines += ['- 3 -'] + hdr
    if not (lab.startswith('一、') or lab.startswith('二、') or lab.startswith('四、')) and k < len(vlabel):
        lines.append(vlabel[k]); k+=1
    g,_,sl = lab.partition(' ')
    if sl and not sl.startswith('1.'):
        lab = sl
    lines.append(lab + ' ' + ' '.join(map(str,v)))
t4h=['行政复议','行政诉讼','结果维持','结果纠正','其他结果','尚未审结','总计','未经复议直接起诉','复议后起诉','结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计']
write('pdf-2021-vertical-pagebreak','page.txt', pdf_text('某某市司法局2021年政府信息公开工作年度报告','发布时间：2022/01/25', lines, t4h+[' '.join(map(str,S4))]),
      dict(year=2021, formatVersion='2021', publishedAt='2022-01-25', agency='某某市司法局', agencyKind='department', cells=full, warnings=[]))
# one cell per line, half-width ordinals, values one per line, 15 values of table 四 on one line w/ tab
lines=list(hdr)
for lab,v in zip(S3LABELS,S3VALS):
    for part in lab.split(' '):
        lines.append(part.replace('（','(').replace('）',')'))
    lines += [str(x) for x in v]
write('txt-2021-cell-per-line-halfwidth','page.txt', pdf_text('某某县人民政府2021年政府信息公开工作年度报告','发布日期:2022年1月29日', lines, t4h+['\t'.join(map(str,S4))],
      h4='四、政府信息公开行政复议,行政诉讼情况', h5='五、存在的主要问题及改进情况'),
      dict(year=2021, formatVersion='2021', publishedAt='2022-01-29', agency='某某县人民政府', agencyKind='government', cells=full, warnings=[]))
# TRS chrome flattened into text (page.txt crawls)
chrome='当前位置：首页 > 政务公开 > 政府信息公开年报\n来源：某某县人民政府办公室  发布时间：2022-01-20 10:12  阅读次数：356\n【字体：大 中 小】 【打印】 分享到：微信 微博 QQ空间'
txt=pdf_text('2021年某某县人民政府政府信息公开工作年度报告', chrome, s3lines([l.replace(' ','') for l in S3LABELS] ,S3VALS), t4h+[' '.join(map(str,S4))])
txt += '\n相关链接：\n主办：某某县人民政府办公室 电话：0771-1234567 桂ICP备05001234号\n'
write('txt-2021-trs-chrome','page.txt', txt, dict(year=2021, formatVersion='2021', publishedAt='2022-01-20', cells=full, warnings=[]))
# ---------- metadata variants (tables as in the base, checks on title/agency/region/date) ----------
simple=s3lines([l.replace(' ','') for l in S3LABELS], S3VALS)
t4simple=t4h+[' '.join(map(str,S4))]
M=[
 ('meta-street-office-2020', '2020年番禺区人民政府沙湾街道办事处政府信息公开年度报告', '发布日期：2021-01-29',
  dict(year=2020, publishedAt='2021-01-29', agency='番禺区人民政府沙湾街道办事处', agencyKind='street_office', agencyLevel='township', province='广东省', city='广州市', county='番禺区')),
 ('meta-province-office', '广东省人民政府办公厅2021年政府信息公开工作年度报告', '发布时间：2022年1月29日',
  dict(year=2021, publishedAt='2022-01-29', agency='广东省人民政府办公厅', agencyKind='department', agencyLevel='province', province='广东省')),
 ('meta-city-bureau', '杭州市司法局2021年度政府信息公开工作年度报告', '日期：2022/01/28',
  dict(year=2021, publishedAt='2022-01-28', agency='杭州市司法局', agencyKind='department', agencyLevel='city', province='浙江省', city='杭州市')),
 ('meta-county-government', '凤阳县人民政府2021年政府信息公开工作年度报告', '发布日期：2022.03.25',
  dict(year=2021, publishedAt='2022-03-25', agency='凤阳县人民政府', agencyKind='government', agencyLevel='county', province='安徽省', city='滁州市', county='凤阳县')),
 ('meta-township', '宁化县石壁镇人民政府2021年政府信息公开工作年度报告', '2022-01-26',
  dict(year=2021, publishedAt='2022-01-26', agency='宁化县石壁镇人民政府', agencyKind='township', agencyLevel='township', province='福建省', city='三明市', county='宁化县')),
 ('meta-county-city-no-nian-du', '昆山市人民政府2021年政府信息公开工作报告', '发布时间：2022-01-30 08:00:00',
  dict(year=2021, publishedAt='2022-01-30', agency='昆山市人民政府', agencyKind='government', agencyLevel='county', province='江苏省', city='苏州市', county='昆山市')),
 ('meta-year-first-township', '2021年度大田县均溪镇政府信息公开工作年度报告', '发布日期： 2022年01月21日',
  dict(year=2021, publishedAt='2022-01-21', agency='大田县均溪镇', agencyKind='township', agencyLevel='township', province='福建省', city='三明市', county='大田县')),
]
for name,title,dl,exp in M:
    write(name,'page.txt', pdf_text(title, dl, simple, t4simple), dict(exp, title=title, formatVersion='2021', cells=full, warnings=[]))
def xxgk(title, content, charset='utf-8', meta_charset=None):
    mc = meta_charset or '<meta http-equiv="Content-Type" content="text/html; charset=%s">'%charset
    return ('<html><head>%s<title>%s-凤阳县人民政府</title></head><body>'
      '<div class="nav">当前位置：<a>首页</a>&gt;<a>信息公开</a>&gt;<a>政府信息公开年报</a></div>'
      '<table class="xxgk_info"><tr><td>索引号：</td><td>11341126003199234X/202201-00012</td><td>组配分类：</td><td>政府信息公开年报</td></tr>'
      '<tr><td>发布机构：</td><td>凤阳县人民政府办公室</td><td>主题分类：</td><td>综合政务</td></tr>'
      '<tr><td>成文日期：</td><td>2022-01-18</td><td>发布日期：</td><td>2022-01-21</td></tr>'
      '<tr><td>名称：</td><td colspan="3">%s</td></tr></table>'
      '<div class="xxgk_content"><h2>%s</h2>%s</div><div>扫一扫在手机打开当前页</div>'
      '<div class="footer">版权所有：凤阳县人民政府 地址：凤阳县府城镇 电话：0550-6712345 皖ICP备05001234号</div></body></html>') % (mc, title, title, title, content)
TF='凤阳县人民政府2021年政府信息公开工作年度报告'
mf=dict(year=2021, formatVersion='2021', publishedAt='2022-01-21', agency='凤阳县人民政府', agencyKind='government', agencyLevel='county', province='安徽省', city='滁州市', county='凤阳县', title=TF, cells=full, warnings=[])
write('html-xxgk-info-table-gbk-bare-meta','page.html', xxgk(TF, body(t2_2021(), t3(S3LABELS,S3VALS), t4(S4)), meta_charset='<meta charset=gb2312>'), mf, enc='gbk')
# headings without ordinal punctuation, narrative in 一 mentions 行政复议/行政诉讼 and 规章
b=body(t2_2021(), t3(S3LABELS,S3VALS), t4(S4))
b=b.replace('<p>2021年，全区共收到申请70件。</p>','<p>2021年，全区共收到申请70件，发生行政复议3件、行政诉讼12件；制发规章0件，行政许可事项2293件，逾期不补正的申请0件。</p>')
for a,c in [('二、主动','二 主动'),('三、收到','三 收到'),('四、政府','四 政府')]: b=b.replace(a,c)
write('html-headings-no-punct-narrative-numbers','page.html', xxgk(TF, b), mf)
SD=R+'seeds/'
import glob
for d in sorted(glob.glob(SD+'*')):
    sid=os.path.basename(d)[:3]
    e=json.load(open(d+'/expected.json')); src=open(d+'/input.txt',encoding='utf-8').read()
    keep={k:e[k] for k in ['year','formatVersion','agency','agencyKind','agencyLevel'] if k in e}
    keep.update({k:v for k,v in e['region'].items() if k in ('province','city','county')})
    # CRLF line endings and a BOM (Windows export)
    write('seed%s-crlf-bom'%sid,'page.txt','\ufeff'+src.replace('\n','\r\n'), dict(keep, cells=e['cells'], warnings=[]))
    # page text flattened to one line (HTML crawl with every block joined by spaces)
    write('seed%s-flattened'%sid,'page.txt', src.replace('\n',' '), dict(keep, cells=e['cells']))
REW={'（三）不予公开 5.属于三类内部事务信息':'（三）不予公开 5.属于内部管理信息','（三）不予公开 6.属于四类过程性信息':'（三）不予公开 6.属于讨论稿、请示报告等信息',
     '（三）不予公开 3.危及“三安全一稳定”':'（三）不予公开 3.危及国家安全、公共安全、经济安全和社会稳定'}
LR=[REW.get(l,l) for l in S3LABELS]
write('html-2021-reworded-row-labels','page.html', trs(T,'2022-02-08','平潭综合实验区管委会办公室', body(t2_2021(), t3(LR,S3VALS), t4(S4))), dict(meta, cells=full, warnings=[]))
write('txt-2021-reworded-row-labels','page.txt', pdf_text(T,'发布时间：2022-02-08', s3lines(LR,S3VALS), t4simple), dict(cells=full, warnings=[]))
AG=[
 ('北京市朝阳区人民政府','government','county','北京市','北京市','朝阳区'),
 ('上海市浦东新区人民政府','government','county','上海市','上海市','浦东新区'),
 ('深圳市南山区粤海街道办事处','street_office','township','广东省','深圳市','南山区'),
 ('内蒙古自治区人民政府办公厅','department','province','内蒙古自治区',None,None),
 ('延边朝鲜族自治州人民政府','government','city','吉林省','延边朝鲜族自治州',None),
 ('恩施土家族苗族自治州司法局','department','city','湖北省','恩施土家族苗族自治州',None),
 ('长阳土家族自治县人民政府','government','county','湖北省','宜昌市','长阳土家族自治县'),
 ('锡林郭勒盟行政公署','government','city','内蒙古自治区','锡林郭勒盟',None),
 ('阿拉善左旗人民政府','government','county','内蒙古自治区','阿拉善盟','阿拉善左旗'),
 ('广州市天河区教育局','department','county','广东省','广州市','天河区'),
 ('东莞市人民政府','government','city','广东省','东莞市',None),
 ('东莞市虎门镇人民政府','township','township','广东省','东莞市',None),
 ('杨浦区人民政府','government','county','上海市','上海市','杨浦区'),
 ('凤凰县人民政府','government','county','湖南省','湘西土家族苗族自治州','凤凰县'),
 ('广东省教育厅','department','province','广东省',None,None),
 ('南京市发展和改革委员会','department','city','江苏省','南京市',None),
 ('江苏省人民政府','government','province','江苏省',None,None),
 ('苏州工业园区管理委员会','government','county','江苏省','苏州市','苏州工业园区'),
 ('宁化县安远镇人民政府','township','township','福建省','三明市','宁化县'),
 ('余杭区仓前街道','street_office','township','浙江省','杭州市','余杭区'),
]
for i,(a,k,l,p,c,co) in enumerate(AG):
    title=a+'2021年政府信息公开工作年度报告'
    exp=dict(agency=a, agencyKind=k, province=p, city=c, county=co, formatVersion='2021', cells=full, warnings=[])
    if l: exp['agencyLevel']=l
    write('meta-agency-%02d'%i,'page.txt', pdf_text(title,'发布日期：2022-01-20', simple, t4simple), exp)
b=body(t2_2021(), t3(S3LABELS,S3VALS), t4(S4))
b=b.replace('<p>二、主动公开政府信息情况</p>','<p>二、主动公开政府信息情况</p><p>本年制发规章0件，行政规范性文件69件，废止3件；作出行政许可决定2293件、行政处罚决定1282件。</p>')
b=b.replace('<p>三、收到和处理政府信息公开申请情况</p>','<p>三、收到和处理政府信息公开申请情况</p><p>本年新收政府信息公开申请70件，上年结转0件；予以公开30件，部分公开5件，不予公开8件，无法提供25件，其他处理1件，结转下年度继续办理1件。</p>')
b=b.replace('<p>四、政府信息公开行政复议、行政诉讼情况</p>','<p>四、政府信息公开行政复议、行政诉讼情况</p><p>本年度发生政府信息公开行政复议3件，其中结果维持1件；行政诉讼12件，结果维持12件。</p>')
write('html-2021-narrative-before-tables','page.html', trs(T,'2022-02-08','平潭综合实验区管委会办公室', b), dict(meta, cells=full, warnings=[]))
# no section headings at all (text export lost them), narrative in the preamble names 本年新收
tx=pdf_text(T,'发布时间：2022-02-08', hdr+simple, t4simple)
for h in ['一、总体情况','二、主动公开政府信息情况','三、收到和处理政府信息公开申请情况','四、政府信息公开行政复议、行政诉讼情况']: tx=tx.replace(h+'\n','')
tx=tx.replace('2021年，共收到申请70件。','2021年，本年新收政府信息公开申请70件，上年结转0件。')
write('txt-2021-no-headings-narrative','page.txt', tx, dict(cells=full))
es=json.load(open(R+'fixtures/shanghai-bgt-2019/expected.json'))
sh=open(R+'fixtures/shanghai-bgt-2019/page.html',encoding='utf-8').read()
TS='2019年上海市人民政府办公厅政府信息公开工作年度报告'
side=''.join('<li><a href="#">%d年上海市人民政府办公厅政府信息公开工作年度报告</a><span>%d-01-31</span></li>'%(y,y+1) for y in (2018,2017,2016))
page=('<html><head><meta charset="utf-8"><title>%s</title></head><body><div class="head"><a>首页</a><a>政务公开</a></div>'
      '<div class="left"><h3>相关年报</h3><ul>%s</ul></div><div class="main"><div id="zoom">%s</div></div>'
      '<div class="foot">上海市人民政府办公厅主办 沪ICP备05034246号 电话：021-12345</div></body></html>')%(TS, side, sh)
esx=dict(year=2019, formatVersion='2019', publishedAt='2020-01-31', title=TS, agency='上海市人民政府办公厅', agencyKind='department', agencyLevel='province', province='上海市', cells=es['cells'], warnings=[])
write('html-2019-sidebar-previous-reports','page.html', page, esx)
sh2=sh.replace('251000元','25.1万元').replace('本年新<br />制作数量','本<br>年<br>新<br>制<br>作<br>数<br>量').replace('对外公开总数量','对外公开<br/>总数量')
sh2=sh2.replace('>524<','>&nbsp;524&nbsp;<').replace('>368<','><span>&nbsp;368</span><')
write('html-2019-wan-yuan-split-headers','page.html', sh2, dict(esx, warnings=[]))
txt='\n'.join(['首页 > 政务公开 > 政府信息公开年报','相关年报']+['%d年某某县人民政府政府信息公开工作年度报告 %d-01-20'%(y,y+1) for y in (2020,2019)]+['']) + pdf_text('某某县人民政府2021年政府信息公开工作年度报告','发布时间：2022-01-21', simple, t4simple)
write('txt-2021-sidebar-previous-reports','page.txt', txt, dict(year=2021, title='某某县人民政府2021年政府信息公开工作年度报告', publishedAt='2022-01-21', cells=full, warnings=[]))
TT=[('北京市海淀区人民政府信息公开2021年度报告' ,'北京市海淀区人民政府',2021),
 ('2021年北京市海淀区人民政府信息公开工作年度报告','北京市海淀区人民政府',2021),
 ('某某县人民政府政府信息公开工作年度报告(2021年度)','某某县人民政府',2021),
 ('关于某某市民政局2021年度政府信息公开工作年度报告','某某市民政局',2021),
 ('某某镇人民政府2021年政务公开工作年度报告','某某镇人民政府',2021)]
for i,(title,a,y) in enumerate(TT):
    write('meta-title-form-%d'%i,'page.txt', pdf_text(title,'发布日期：2022-01-20', simple, t4simple), dict(agency=a, year=y, title=title, cells=full, warnings=[]))
lines=list(hdr)
for i,(lab,v) in enumerate(zip(S3LABELS,S3VALS)):
    for part in lab.split(' '): lines.append(part)
    if i==6: lines.append('-3-')
    if i==9: lines += ['— 4 —']
    lines += [str(x) for x in v]
    if i==12: lines += ['第 5 页 共 9 页']
    if i==15: lines += ['5/9']
write('txt-2021-pagenumbers-inside-rows','page.txt', pdf_text('某某县人民政府2021年政府信息公开工作年度报告','发布日期：2022-01-29', lines, t4h+['-6-']+[' '.join(map(str,S4))]),
      dict(year=2021, formatVersion='2021', cells=full, warnings=[]))
L2019=['第二十条第（一）项','信息内容','本年新制作数量','本年新公开数量','对外公开总数量','规章','0','0','0','规范性文件','69','3','665',
 '第二十条第（五）项','信息内容','上一年项目数量','本年增/减','处理决定数量','行政许可','10','-2','2293','其他对外管理服务事项','0','0','0',
 '第二十条第（六）项','信息内容','上一年项目数量','本年增/减','处理决定数量','行政处罚','5','+1','1282','行政强制','3','0','42',
 '第二十条第（八）项','信息内容','上一年项目数量','本年增/减','行政事业性收费','2','0',
 '第二十条第（九）项','信息内容','采购项目数量','采购总金额','政府集中采购','12','251000元']
txt='\n'.join(['某某县人民政府2020年政府信息公开工作年度报告','发布日期：2021-01-29','一、总体情况','略。','二、主动公开政府信息情况']+L2019+['三、收到和处理政府信息公开申请情况']+s3lines(S3LABELS,S3VALS)+['四、政府信息公开行政复议、行政诉讼情况']+t4simple+['五、存在的主要问题及改进情况','无。','六、其他需要报告的事项','无。'])
C19={'s2.rules.made':0,'s2.rules.published':0,'s2.rules.public_total':0,'s2.normative.made':69,'s2.normative.published':3,'s2.normative.public_total':665,
 's2.licensing.prev_items':10,'s2.licensing.change':-2,'s2.licensing.decisions':2293,'s2.penalty.prev_items':5,'s2.penalty.change':1,'s2.penalty.decisions':1282,
 's2.coercion.prev_items':3,'s2.coercion.change':0,'s2.coercion.decisions':42,'s2.fees.prev_items':2,'s2.fees.change':0,'s2.procurement.items':12,'s2.procurement.amount':25.1}
C19.update(sub(['s3','s4']))
write('txt-mixed-2019-t2-2021-t3','page.txt', txt, dict(year=2020, formatVersion='2019', cells=C19, warnings=['PARSE.MIXED_FORMAT']))
t=pdf_text(T,'发布时间：2022-02-08', simple, t4h+['1 0 2 0 3 12 0'])
t=t[:t.index('12 0')+4]
write('txt-2021-truncated-in-t4','page.txt', t, dict(cells=sub(['s2','s3']), warningsInclude=['PARSE.TABLE_TRUNCATED'], nullCells=['s4.suit_after_review.total']))
t=pdf_text(T,'发布时间：2022-02-08', simple, t4simple)
t=t[:t.index('（三）不予公开')]+'（三）不予公'
write('txt-2021-truncated-mid-label','page.txt', t, dict(warningsInclude=['PARSE.TABLE_TRUNCATED'], cells=sub(['s2','s3.new','s3.granted','s3.partial'])))
def t3split(labels, vals):
    a=t3(labels[:10],vals[:10]); b=t3(labels[10:],vals[10:])
    return a+'<p style="page-break-after:always">&nbsp;</p>'+b
t2k=t2_2021(lambda x: '2,293' if x==2293 else '1,282' if x==1282 else '24,252.311082' if x=='24252.311082' else x)
t2k=t2k.replace('行政规范性文件','行政规范<br>性文件').replace('行政事业性收费','行政事业<br>性收费')
write('html-2021-split-table-thousands','page.html', trs(T,'2022-02-08','平潭综合实验区管委会办公室', body(t2k, t3split(S3LABELS,S3VALS), t4(S4))),
      dict(meta, cells=full, warnings=[]))
decl='<div class="statement"><p>'+'网站声明：本网站所刊登的各种新闻、信息和各种专题专栏资料，均为本网站版权所有，未经协议授权，禁止下载使用。'*25+'</p></div>'
menu='<div class="menu">'+''.join('<a href="#">栏目%d</a>'%i for i in range(200))+'</div>'
pg=('<html><head><meta charset="utf-8"><title>%s_平潭综合实验区</title></head><body>%s'
    '<div class="wrap"><div class="detail-main"><div class="tit">%s</div><div class="src">发布时间：2022-02-08 来源：平潭综合实验区管委会办公室 浏览量：88</div>'
    '<div class="detail-body">%s</div></div></div>%s</body></html>')%(T,menu,T,body(t2_2021(), t3(S3LABELS,S3VALS), t4(S4)),decl)
write('html-2021-unknown-container-long-statement','page.html', pg, dict(meta, title=T, cells=full, warnings=[]))
# article split across several sibling <div>s (CMS pagination merged), tables inside nested <div align=center>
b=body('<div align="center">'+t2_2021()+'</div>', '<div align="center">'+t3(S3LABELS,S3VALS)+'</div>', '<div align="center">'+t4(S4)+'</div>')
k=b.index('<p>三、')
pg2=('<html><head><meta charset="utf-8"><title>%s</title></head><body><div class="content"><h1>%s</h1><span>发布日期：2022-02-08</span>'
     '<div class="page1">%s</div><div class="page2">%s</div></div></body></html>')%(T,T,b[:k],b[k:])
write('html-2021-article-in-two-divs','page.html', pg2, dict(meta, title=T, cells=full, warnings=[]))
L2019b=L2019[:L2019.index('本年增/减',16)]+['本年增/']
txt='\n'.join(['某某县人民政府2020年政府信息公开工作年度报告','发布日期：2021-01-29','一、总体情况','略。','二、主动公开政府信息情况']+L2019b)
write('txt-2019-truncated-mid-header','page.txt', txt, dict(year=2020, formatVersion='2019', cells={k:v for k,v in C19.items() if k.startswith('s2.rules') or k.startswith('s2.normative')},
      warningsInclude=['PARSE.TABLE_TRUNCATED'], nullCells=['s2.licensing.decisions','s2.penalty.decisions','s2.procurement.amount','s3.new.total','s4.review.total']))
LH=[l.replace('（七）总计','（七）合计').replace('四、结转下年度继续办理','四、转入下年度办理') for l in S3LABELS]
write('txt-2021-total-rows-reworded','page.txt', pdf_text(T,'发布时间：2022-02-08', s3lines(LH,S3VALS), t4simple), dict(cells=full, warnings=[]))
for fx in ['pingtan-syq-2012','pingtan-syq-2018','pingtan-syq-2019','pingtan-syq-2023']:
    e2=json.load(open(R+'fixtures/%s/expected.json'%fx)); src=open(R+'fixtures/%s/page.txt'%fx,encoding='utf-8').read()
    write('%s-crlf-halfwidth'%fx,'page.txt', src.replace('\n','\r\n').replace('，',',').replace('：',':'),
          dict(year=e2['year'], formatVersion=e2['formatVersion'], publishedAt=e2['publishedAt'], cells=e2['cells'], warnings=['PARSE.AMBIGUOUS_DIGITS']*{'pingtan-syq-2019':7,'pingtan-syq-2023':1}.get(fx,0)))
for i,(dl,want) in enumerate([('【发布时间】2022-01-26 【来源】某某县人民政府办公室','2022-01-26'), ('发布时间:【2022-01-27】','2022-01-27'),
    ('信息来源：某某县司法局 | 发布时间：2022-01-28 16:00 | 浏览次数：12','2022-01-28'), ('发布日期 2022年1月29日','2022-01-29'), ('[ 2022-01-30 ]','2022-01-30')]):
    write('meta-date-form-%d'%i,'page.txt', pdf_text('某某县司法局2021年政府信息公开工作年度报告', dl, simple, t4simple), dict(publishedAt=want, year=2021, cells=full, warnings=[]))
es=json.load(open(R+'fixtures/shanghai-bgt-2019/expected.json'))
ap=es['applications']
L=list(ap.keys()); V=[[0 if x is None else x for x in v] for v in ap.values()]
tx=pdf_text('某某县人民政府2020年政府信息公开工作年度报告','发布日期：2021-01-25', hdr+s3lines(L,V)+['注：其他处理中，申请人逾期不补正的0件，逾期未按收费通知缴费的0件。'], t4simple)
tx=tx.replace('2021年，共收到','2020年，共收到')
c3={k:(0 if v is None else v) for k,v in es['cells'].items() if k.startswith('s3.')}
write('txt-2019-t3-note-mentions-2021-rows','page.txt', tx, dict(cells=c3, nullCells=[]))

lines=list(hdr)
for i,(lab,v) in enumerate(zip(S3LABELS,S3VALS)):
    lines.append(lab.replace(' ',''))
    if i==6: lines.append('3')
    lines += [str(x) for x in v]
write('txt-2021-bare-page-number-before-values','page.txt', pdf_text(T,'发布时间：2022-02-08', lines, t4simple), dict(cells=full, warnings=['PARSE.EXTRA_VALUES']))

# ---------- table 二: reworded row labels, page numbers between a label and its values ----------
def t2_relabel(txt, pairs):
    for a,b in pairs:
        txt=txt.replace('\n'+a+'\n','\n'+b+'\n',1)
    return txt
W4=['PARSE.LABEL_REWORDED']*4
t=t2_relabel(pdf_text(T,'发布时间：2022-02-08', simple, t4simple),
    [('行政规范性文件','行政规范\n性文件'),('行政许可','许可'),('行政处罚','处罚'),('行政强制','强制措施'),('行政事业性收费','收费（单位：万元）')])
write('txt-2021-t2-reworded-labels','page.txt', t, dict(cells=full, warnings=W4))
# a reworded row missing from the table: a note naming it in a sentence is not taken as the row
t=pdf_text(T,'发布时间：2022-02-08', simple, t4simple).replace('\n行政强制\n42\n','\n注：本年度依法实施强制措施12次，已计入行政处罚。\n',1)
write('txt-2021-t2-row-missing-note-mentions-variant','page.txt', t, dict(cells={k:v for k,v in full.items() if k!='s2.coercion.decisions'},
      nullCells=['s2.coercion.decisions'], warnings=['PARSE.TABLE_TRUNCATED']))
t2r=(t2_2021().replace('<td>行政规范性文件</td>','<td>其他规范<br>性文件</td>').replace('<td>行政许可</td>','<td>行政审批事项</td>')
     .replace('<td>行政处罚</td>','<td>处罚决定</td>').replace('<td>行政强制</td>','<td>强制措施</td>').replace('<td>行政事业性收费</td>','<td>行政收费（万元）</td>'))
write('html-2021-t2-reworded-labels','page.html', trs(T,'2022-02-08','平潭综合实验区管委会办公室', body(t2r, t3(S3LABELS,S3VALS), t4(S4))),
      dict(meta, cells=full, warnings=W4))
L19r=[{'其他对外管理服务事项':'其他管理服务事项','政府集中采购':'政府采购','行政事业性收费':'收费项目'}.get(x,x) for x in L2019]
txt='\n'.join(['某某县人民政府2020年政府信息公开工作年度报告','发布日期：2021-01-29','一、总体情况','略。','二、主动公开政府信息情况']+L19r+['三、收到和处理政府信息公开申请情况']+s3lines(S3LABELS,S3VALS)+['四、政府信息公开行政复议、行政诉讼情况']+t4simple+['五、存在的主要问题及改进情况','无。','六、其他需要报告的事项','无。'])
write('txt-2019-t2-reworded-labels','page.txt', txt, dict(year=2020, formatVersion='2019', cells=dict(C19, **{'s2.other_services.prev_items':0,'s2.other_services.change':0,'s2.other_services.decisions':0}),
      warnings=['PARSE.MIXED_FORMAT']+['PARSE.LABEL_REWORDED']*3))
# PDF text: "-2-" ends page 2 (dropped as a page-number line); page 3's number "3" printed bare on a line of its own
t=pdf_text(T,'发布时间：2022-02-08', simple, t4simple).replace('\n行政处罚\n1282\n','\n行政处罚\n3\n1282\n',1)
write('txt-2021-t2-page-number-before-values','page.txt', t, dict(cells=full, warnings=['PARSE.EXTRA_VALUES']))
# a second value that is no page number stays a flagged extra value, the first one kept
t=pdf_text(T,'发布时间：2022-02-08', simple, t4simple).replace('\n行政处罚\n1282\n','\n行政处罚\n1282\n3\n',1)
write('txt-2021-t2-extra-value-after','page.txt', t, dict(cells=full, warnings=['PARSE.EXTRA_VALUES']))
# HTML made from a PDF (a paragraph per line): "- 3 -" and a bare "4" (next to page 3) between labels and their values
cells2=['规章','0','0','0','行政规范性文件','- 3 -','69','3','665','第二十条第（五）项','信息内容','本年处理决定数量','行政许可','2293',
        '第二十条第（六）项','信息内容','本年处理决定数量','行政处罚','1282','行政强制','4','42','第二十条第（八）项','信息内容','本年收费金额（单位：万元）',
        '行政事业性收费','24252.311082']
t2p='<p>第二十条第（一）项</p><p>信息内容</p><p>本年制发件数</p><p>本年废止件数</p><p>现行有效件数</p>'+''.join('<p>%s</p>'%c for c in cells2)
write('html-2021-t2-page-numbers-before-values','page.html', trs(T,'2022-02-08','平潭综合实验区管委会办公室', body(t2p, t3(S3LABELS,S3VALS), t4(S4))),
      dict(meta, cells=full, warnings=['PARSE.EXTRA_VALUES']*2))
