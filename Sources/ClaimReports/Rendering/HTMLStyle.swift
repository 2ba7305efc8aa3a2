/// The scorecard page's stylesheet: newspaper type, phone-first layout, a print sheet.
enum HTMLStyle {
  static let css = """
    :root{--ink:#1b1b1b;--muted:#5f6368;--rule:#d9d6cf;--paper:#fbfaf7;--accent:#b3261e;
    --bar:#1f5fa8;--band:#c9daf0;--good:#2e7d4f;--bad:#b3261e}
    *{box-sizing:border-box}
    a,blockquote,p,li,td,dd{overflow-wrap:anywhere}
    svg{max-width:100%}
    html{-webkit-text-size-adjust:100%}
    body{margin:0;background:var(--paper);color:var(--ink);
    font:16px/1.5 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans CJK SC",
    "PingFang SC","Microsoft YaHei",sans-serif}
    main{max-width:68rem;margin:0 auto;padding:1.5rem 1rem 3rem}
    h1,h2,h3{font-family:Georgia,"Times New Roman","Noto Serif CJK SC","Songti SC",serif;
    font-weight:700;line-height:1.15;margin:0}
    h1{font-size:2.4rem;letter-spacing:-.01em;margin:.2rem 0 .4rem}
    h2{font-size:1.5rem;margin:2.4rem 0 .3rem;padding-top:.6rem;border-top:3px solid var(--ink)}
    h3{font-size:1.05rem;margin:0 0 .3rem}
    .kicker{color:var(--accent);font-weight:700;text-transform:uppercase;letter-spacing:.08em;
    font-size:.8rem;margin:0}
    .dek{font-size:1.15rem;color:var(--muted);margin:0 0 .6rem}
    .repro{font-size:.78rem;color:var(--muted);margin:0}
    .repro code{font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all}
    .note{color:var(--muted);margin:.2rem 0 .8rem;font-size:.95rem}
    .stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(8.5rem,1fr));gap:.6rem;
    margin:1.4rem 0 0;padding:0;list-style:none}
    .stats li{border-top:1px solid var(--rule);padding:.5rem 0}
    .stats b{display:block;font:700 1.7rem/1.1 Georgia,serif;font-variant-numeric:tabular-nums}
    .stats span{color:var(--muted);font-size:.85rem}
    .callout{background:#f1ede4;border-left:4px solid var(--accent);padding:.6rem .8rem;
    margin:1rem 0 0;font-size:.95rem}
    .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
    table{border-collapse:collapse;width:100%;font-size:.93rem;font-variant-numeric:tabular-nums}
    th{font-size:.75rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);
    text-align:left;border-bottom:2px solid var(--ink);padding:.35rem .5rem;vertical-align:bottom}
    td{border-bottom:1px solid var(--rule);padding:.45rem .5rem;vertical-align:middle}
    .num{text-align:right;white-space:nowrap}
    th.num,.split{white-space:normal}
    .nw{white-space:nowrap}
    .name{font-weight:600;overflow-wrap:anywhere;min-width:5rem}
    .rank{font:700 1.1rem Georgia,serif;width:2rem}
    .interval{display:flex;align-items:center;gap:.5rem;white-space:nowrap}
    .interval svg{width:9rem;height:1.2rem;flex:none}
    .neg{color:var(--bad)}
    .pos{color:var(--good)}
    figure{margin:0}
    .calibration{display:grid;grid-template-columns:minmax(0,30rem) minmax(0,1fr);gap:2rem;
    align-items:start}
    .chart svg,.multiple svg{width:100%;height:auto;display:block}
    .truth{max-width:30rem}
    details.figures{margin-top:1rem}
    summary{cursor:pointer;color:var(--muted);font-size:.95rem}
    figcaption{font-size:.85rem;color:var(--muted);margin-top:.3rem}
    .multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:1rem}
    .multiple h3{font-family:inherit;font-size:.95rem;overflow-wrap:anywhere}
    .calls{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem}
    .call{border-top:1px solid var(--ink);padding-top:.5rem}
    .call .claim{font:700 1.05rem/1.3 Georgia,"Noto Serif CJK SC",serif;margin:0 0 .4rem;
    overflow-wrap:anywhere}
    .call blockquote{margin:0 0 .4rem;padding-left:.7rem;border-left:3px solid var(--rule);
    color:#333;font-style:italic;overflow-wrap:anywhere}
    .meta{font-size:.82rem;color:var(--muted);margin:0;overflow-wrap:anywhere}
    .meta b{color:var(--ink)}
    .badge{display:inline-block;font-size:.75rem;font-weight:700;padding:0 .35rem;
    border-radius:2px;color:#fff;background:var(--good)}
    .badge.miss{background:var(--bad)}
    dl{display:grid;grid-template-columns:minmax(8rem,14rem) 1fr;gap:.4rem 1rem;margin:0}
    dt{font-weight:700}
    dd{margin:0;color:#333}
    a{color:var(--bar)}
    footer{margin-top:2.5rem;border-top:1px solid var(--rule);padding-top:.6rem}
    @media (max-width:1000px){
    .wide{display:none}
    .calibration{grid-template-columns:minmax(0,30rem);gap:1rem}
    .interval{flex-direction:column;align-items:flex-start;gap:0;white-space:normal}
    .interval svg{width:7rem}
    }
    @media (max-width:640px){
    body{font-size:15px}
    h1{font-size:1.8rem}
    .mid{display:none}
    table{font-size:.87rem}
    th{font-size:.68rem;letter-spacing:.02em}
    th,td{padding-left:.3rem;padding-right:.3rem}
    .name{min-width:4rem}
    .calibration{grid-template-columns:minmax(0,1fr)}
    .stats{grid-template-columns:repeat(3,1fr)}
    .stats b{font-size:1.35rem}
    dl{grid-template-columns:1fr}
    dd{margin-bottom:.5rem}
    }
    @media print{
    body{background:#fff;font-size:10pt}
    main{max-width:none;padding:0}
    h2{margin-top:1.2rem}
    h2,h3,.note,summary{break-after:avoid}
    .note{break-inside:avoid}
    .scroll{overflow:visible}
    .wide,.mid{display:table-cell}
    th,td{padding-left:.25rem;padding-right:.25rem}
    .interval{flex-direction:column;align-items:flex-start;gap:0;white-space:normal}
    .interval svg{width:6rem}
    .call,.multiple,figure,.calibration,tr{break-inside:avoid}
    .calibration{grid-template-columns:minmax(0,22rem) minmax(0,1fr)}
    summary{list-style:none;color:var(--ink);font-weight:700}
    details::details-content{content-visibility:visible;display:block}
    a{color:inherit;text-decoration:none}
    }
    """
}
