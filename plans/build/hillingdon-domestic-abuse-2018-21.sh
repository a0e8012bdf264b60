#!/bin/sh
# Illustrative sample plan: Hillingdon Domestic Abuse Strategy 2018-2021 (Safer Hillingdon
# Partnership). The four priorities in the strategy's own order (prevention and early intervention,
# service provision, pursuing perpetrators, partnership working) are the plan's groups; its eight
# objectives are the workstreams; the actions are its "we will" commitments. Two of its measures
# are indicators against the 2017/18 baseline the strategy gives (HIDVA referrals and repeat
# referrals); their quarterly values, the statuses and the commentary are invented.
. "$(dirname "$0")/common.sh"
out=${1:-plans/hillingdon-domestic-abuse-2018-21.json}

by "Community Safety Team"
at 2018-10-01T09:00:00Z
d new "$plan" --id hillingdon-domestic-abuse-2018-21 --title "Domestic Abuse Strategy 2018-2021: Delivery Plan" \
    --partnership "Safer Hillingdon Partnership" --start 2018-04-01 --end 2021-03-31
d plan set "$plan" --description "Illustrative plan built from the Hillingdon Domestic Abuse Strategy 2018-2021: preventing and eradicating violence and abuse in Hillingdon is everybody's business. The 2017/18 data outcomes are the baseline; the partnership aims to reduce domestic abuse repeat victimisation by 5% over the first two years. Reviewed quarterly by the Domestic Abuse Steering Executive, reporting to the Safer Hillingdon Partnership Board."

# The four Ps, in the strategy's order.
d group set "$plan" primary --name "Prevention and Early Intervention" --order 1 \
    --aim "Make the violence and abuse of women, men and children unacceptable and dishonourable in all our communities; protect victims and break the cycle of offending."
d group set "$plan" secondary --name "Service Provision" --order 2 \
    --aim "Listen to victims and survivors, commission intelligently and provide high quality coordinated services that prevent violence, abuse and repeat victimisation."
d group set "$plan" tertiary --name "Pursuing Perpetrators" --order 3 \
    --aim "Strengthen the criminal and civil justice response to perpetrators, robustly manage repeat offenders and consider perpetrator programmes."
d group set "$plan" whole-system --name "Partnership Working" --order 4 \
    --aim "Work in a broad coalition of partners as a coordinated community response to create a safer borough and a safer future for victims, survivors and future generations."

# The strategy's objectives.
d workstream add "$plan" "Increase reporting" --id reporting \
    --description "Increase the reporting of domestic abuse and other forms of VAWG to the police or other agencies."
d workstream add "$plan" "Reduce repeat victimisation" --id repeat-victimisation \
    --description "Prevent and reduce repeat victimisation and patterns of offending."
d workstream add "$plan" "Reduce serious crimes" --id serious-crime \
    --description "Prevent and reduce the number of serious crimes perpetrated."
d workstream add "$plan" "Victim satisfaction" --id victim-satisfaction \
    --description "Increase the satisfaction of victims exposed to DA and VAWG incidents and crimes."
d workstream add "$plan" "Community confidence" --id community-confidence \
    --description "Increase the community's confidence in our professionals and partnership to prevent and tackle DA and VAWG."
d workstream add "$plan" "Perpetrators held to account" --id perpetrators \
    --description "Identify perpetrators early, hold them to account and work to change their harmful behaviour."
d workstream add "$plan" "Coordinated Community Response" --id ccr \
    --description "Develop a sustainable Hillingdon Coordinated Community Response."
d workstream add "$plan" "Inclusive partnership" --id inclusive-partnership \
    --description "Enhance the inclusive and informed partnership with statutory and voluntary organisations and communities, measured through feedback."

d owner add "$plan" "Hillingdon Council Community Safety Team" --id lbh-community-safety --role "Lead for the strategy and its delivery plan"
d owner add "$plan" "Metropolitan Police Service (Hillingdon)" --id mps --role "Responsible authority"
d owner add "$plan" "Domestic Abuse Steering Executive" --id da-steering-executive --role "Strategic oversight for the Safer Hillingdon Partnership"
d owner add "$plan" "Hillingdon IDVA Service (HIDVA)" --id hidva --role "Independent domestic violence advocacy"
d owner add "$plan" "National Probation Service" --id nps --role "Responsible authority"
d owner add "$plan" "Hillingdon Clinical Commissioning Group" --id ccg --role "Health commissioner"

# Prevention and Early Intervention
d add "$plan" --group "Prevention and Early Intervention" --title "Refine the SHP communications strategy: zero tolerance, safety advice and clear routes to help" \
    --owner lbh-community-safety --partner mps --workstream reporting --workstream community-confidence \
    --start 2018-10-01 --due 2019-06-30 --outcome "More reports of domestic abuse and more Clare's Law requests against the 2017/18 baseline"
d add "$plan" --group primary --title "Multi-agency partnership training programme on spotting and responding to abuse" \
    --owner lbh-community-safety --partner "Hillingdon Safeguarding Children's Board" --new-partner --workstream reporting \
    --start 2018-10-01 --due 2020-03-31 --outcome "Professionals trained across health, education, social care and justice"
d add "$plan" --group primary --title "Whole education approach to healthy relationships in schools" \
    --owner "Hillingdon Council Education Services" --new-owner --workstream repeat-victimisation \
    --start 2019-01-01 --due 2020-07-31 --outcome "Secondary schools delivering a tried and tested healthy relationships programme"
d add "$plan" --group primary --title "Community Advocates and a Bystander Initiative" \
    --owner lbh-community-safety --partner "Hillingdon voluntary and community sector" --new-partner --workstream ccr --workstream community-confidence \
    --start 2019-04-01 --due 2021-03-31

# Service Provision
d add "$plan" --group "Service Provision" --title "Map VAWG specialist support services to inform commissioning" \
    --owner lbh-community-safety --partner ccg --workstream victim-satisfaction \
    --start 2018-10-01 --due 2019-03-31 --outcome "Gaps in provision identified; a resources guide for professionals"
d add "$plan" --group secondary --title "Review how IDVA services are delivered to medium and high risk victims" \
    --owner hidva --partner lbh-community-safety --workstream repeat-victimisation --workstream victim-satisfaction \
    --start 2019-01-01 --due 2019-12-31 --outcome "Repeat victims' cases reviewed; fewer repeat referrals than the 9.8% of 2017/18"
d add "$plan" --group secondary --title "Support the sanctuary project so victims and their children can stay safe at home" \
    --owner "Hillingdon Council Housing" --new-owner --workstream repeat-victimisation --start 2018-10-01 --due 2021-03-31
d add "$plan" --group secondary --title "Share learning from the two local domestic homicide reviews" \
    --owner da-steering-executive --workstream serious-crime --start 2018-10-01 --due 2019-09-30
d add "$plan" --group secondary --title "Victims and survivors' forum to shape what we do" \
    --owner lbh-community-safety --workstream victim-satisfaction --workstream inclusive-partnership --start 2019-04-01 --due 2020-03-31

# Pursuing Perpetrators
d add "$plan" --group "Pursuing Perpetrators" --title "Commission a perpetrator management programme for male and female perpetrators" \
    --owner lbh-community-safety --partner nps --partner mps --workstream perpetrators \
    --start 2019-01-01 --due 2020-03-31 --outcome "Repeat perpetrators referred to and completing a programme"
d add "$plan" --group tertiary --title "Manage repeat DA perpetrators through Operation Dauntless and a DA-focused IOM scheme" \
    --owner mps --partner nps --partner "Community Rehabilitation Company" --new-partner --workstream perpetrators --workstream repeat-victimisation \
    --start 2018-10-01 --due 2020-09-30 --outcome "More repeat perpetrators managed by the partnership"
d add "$plan" --group tertiary --title "Integrate MARAC, MAPPA, CR MARAC and IOM and review how providers work with them" \
    --owner da-steering-executive --partner mps --partner nps --workstream repeat-victimisation --start 2019-04-01 --due 2020-03-31

# Partnership Working
d add "$plan" --group "Partnership Working" --title "Operating protocol and principles for the Coordinated Community Response" \
    --owner da-steering-executive --workstream ccr --workstream inclusive-partnership --start 2018-10-01 --due 2019-06-30
d add "$plan" --group whole-system --title "Publish an annual progress report on the strategy" \
    --owner lbh-community-safety --workstream inclusive-partnership --start 2019-04-01 --due 2021-03-31
d add "$plan" --group whole-system --title "Employers' initiative to support victims and survivors who work in Hillingdon" \
    --owner lbh-community-safety --workstream ccr --start 2019-10-01 --due 2020-12-31

d milestone add "$plan" PRI-01 --title "Campaign materials agreed by the Steering Executive" --due 2019-01-31
d milestone add "$plan" PRI-01 --title "Campaign launched during the 16 days of action" --due 2019-12-10
d milestone add "$plan" SEC-02 --title "Repeat victims' cases reviewed" --due 2019-06-30
d milestone add "$plan" SEC-02 --title "Recommendations to the Steering Executive" --due 2019-10-31
d milestone add "$plan" TER-01 --title "Programme specification agreed" --due 2019-06-30
d milestone add "$plan" TER-01 --title "Provider appointed" --due 2019-12-31

# The strategy's measures, against its 2017/18 baseline ("the data outcomes from 2017/18 will be
# used as the base line to measure success").
d indicator add "$plan" --id hidva-referrals --name "Referrals to the Hillingdon IDVA service" --unit count --better higher \
    --baseline 610 --baseline-period 2017/18 --source "HIDVA service records" --owner hidva \
    --description "Objective: increasing the reporting of domestic abuse. The baseline (610 referrals in 2017/18) is the strategy's; the quarterly figures are illustrative, made up for this sample plan."
d indicator add "$plan" --id hidva-repeat-referrals --name "Repeat referrals to the Hillingdon IDVA service" --unit % --better lower \
    --baseline 9.8 --baseline-period 2017/18 --target 9.3 --target-by "2019/20 Q4" --tolerance 5 \
    --source "HIDVA service records" --owner hidva \
    --description "Objective: preventing and reducing repeat victimisation (5% less over the first two years). The baseline (9.8% in 2017/18) is the strategy's; the quarterly figures are illustrative."

# 2018/19 Q3: first updates, then the quarter closes at the Safer Hillingdon Partnership Board.
at 2018-12-14T10:00:00Z
d set "$plan" PRI-01 --status green --comment "Communications working group formed; draft key messages shared with partners."
d set "$plan" SEC-01 --status green --comment "Mapping under way with the CCG; 24 providers identified so far."
d set "$plan" TER-02 --status amber --comment "Operation Dauntless cohort agreed; IOM capacity for DA perpetrators not yet confirmed."
d set "$plan" WSA-01 --status amber --comment "Draft protocol circulated; two partners still to respond."
d indicator record "$plan" hidva-referrals --quarter "2018/19 Q3" --value 158 --note "Illustrative"
d indicator record "$plan" hidva-repeat-referrals --quarter "2018/19 Q3" --value 10.4 --note "Illustrative"
at 2019-01-20T10:00:00Z
d milestone done "$plan" PRI-01 M1
d review close "$plan" "2018/19 Q3" --board "Safer Hillingdon Partnership"

# 2018/19 Q4.
at 2019-03-20T10:00:00Z
d set "$plan" PRI-01 --status green --comment "Materials agreed; launch planned for the 16 days of action."
d set "$plan" SEC-01 --status complete --comment "Mapping complete; resources guide published for professionals."
d set "$plan" TER-02 --status red --comment "IOM places for DA perpetrators not funded; escalated to the Steering Executive."
d indicator record "$plan" hidva-referrals --quarter "2018/19 Q4" --value 171 --note "Illustrative"
d indicator record "$plan" hidva-repeat-referrals --quarter "2018/19 Q4" --value 9.6 --note "Illustrative; provisional until the March return" --provisional
d set "$plan" SEC-04 --status amber --comment "Learning events booked; DHR action plans behind by a month." \
    --due 2019-12-31 --reason "Second DHR report published later than expected"
by "Metropolitan Police Service (Hillingdon)"
d set "$plan" TER-02 --comment "IOM places for DA perpetrators not funded; police managing the cohort through Operation Dauntless meanwhile."
finish "$out"
