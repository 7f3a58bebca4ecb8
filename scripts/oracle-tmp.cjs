globalThis.Bridge = require('@kusto/language-service-next/bridge.js');
require('@kusto/language-service-next/Kusto.Language.Bridge.js');
const fs=require('fs');
const K = Kusto.Language, S = K.Symbols;
function tbl(name){const j=JSON.parse(fs.readFileSync('/work/shared/schemas/sentinel/'+name+'.json'));return new S.TableSymbol.$ctor7(name,'('+j.columns.map(c=>`['${c.name}']:${c.type}`).join(', ')+')',null);}
const db = new S.DatabaseSymbol.$ctor1('db', ['SecurityAlert','GCPAuditLogs','IdentityInfo'].map(tbl));
const q=fs.readFileSync(process.argv[2],'utf8');
const code = K.KustoCode.ParseAndAnalyze(q, K.GlobalState.Default.WithDatabase(db));
const d=code.GetDiagnostics(); for(let i=0;i<d.Count;i++){const x=d.getItem(i);console.log('DIAG',x.Code,x.Message,x.Start,x.Length);}
const cols=code.ResultType.Columns; const out=[];for(let i=0;i<cols.Count;i++){const c=cols.getItem(i);out.push(c.Name+':'+c.Type.Name);} console.log(out.join(', '));
