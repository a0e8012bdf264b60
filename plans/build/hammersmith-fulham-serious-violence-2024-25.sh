#!/bin/sh
# Illustrative sample plan: Hammersmith & Fulham Serious Violence Duty strategy (Community Safety
# Partnership). The seven themes of the local Violence and Vulnerability Reduction Action Plan
# (VVRAP) and its domestic abuse and sexual violence section are the workstreams; the strategic
# objectives for the next 12 months are the actions' aims under the usual prevention groups;
# progress is reviewed quarterly at the CSP with the London borough's RAG wording. Funding sources
# are the strategy's own; it gives no amounts, so there are no funding lines. Statuses and
# commentary are invented. The performance framework carries the Serious Violence Duty's three
# national measures (under-25 focus) and one local indicator; their figures are illustrative, made
# up for this sample, and say so. The population is the 2021 Census figure for the borough.
. "$(dirname "$0")/common.sh"
out=${1:-plans/hammersmith-fulham-serious-violence-2024-25.json}

by "Community Safety Unit"
at 2024-04-02T09:00:00Z
d new "$plan" --id hammersmith-fulham-serious-violence-2024-25 --title "Serious Violence Duty: Violence and Vulnerability Reduction Action Plan 2024/25" \
    --partnership "Hammersmith & Fulham Community Safety Partnership" --start 2024-04-01 --end 2025-03-31
d plan set "$plan" --description "Illustrative plan built from the Hammersmith & Fulham Serious Violence Duty strategy: the strategic objectives agreed for the next 12 months from the August 2023 strategic needs assessment, delivered through the VVRAP. Progress is reviewed at least quarterly through the Community Safety Partnership." \
    --status-word green="No issues" --status-word amber="Issues identified" --status-word red="Significant issues" --status-word complete=Blue \
    --rag-definition green="No issues." --rag-definition amber="Issues identified; the lead is managing them." \
    --rag-definition red="Significant issues needing the partnership's help." --rag-definition complete="Delivered."

for theme in "Governance" "Analysis and Enforcement" "Reducing Access to Weapons" "Safeguarding and Educating Young People" \
    "Working with Communities and Neighbourhoods" "Supporting Victims of Violence and Vulnerability" "Positive Diversion from Violence" \
    "Domestic Abuse and Sexual Violence"; do
    d workstream add "$plan" "$theme"
done
d workstream set "$plan" "Governance" --description "Leadership and governance of violence reduction; the CSP with the safeguarding partnerships and the Health and Wellbeing Board."
d workstream set "$plan" "Reducing Access to Weapons" --description "Trading Standards initiatives and weapons sweeps."

d owner add "$plan" "H&F Community Safety Unit" --id community-safety --role "Lead for the strategy and VVRAP" --contact "Community Safety Partnership"
d owner add "$plan" "Metropolitan Police Service (Central West BCU)" --id mps --role "Responsible authority"
d owner add "$plan" "H&F Youth Justice Service" --id yjs --role "Responsible authority"
d owner add "$plan" "Gangs, Violence and Exploitation Unit" --id gvu
d owner add "$plan" "H&F Children's Services Early Help" --id early-help
d owner add "$plan" "London Fire Brigade" --id lfb --role "Responsible authority"
d owner add "$plan" "West London NHS Trust" --id wlnt --role "Health partner"
d owner add "$plan" "Met Police" --id met-police
# The duplicate of the police entry is folded into it, as a partnership tidying its owner list would.
d owner merge "$plan" "Met Police" --into mps

d add "$plan" --group whole-system --title "Enhance the partnership network to improve information and data sharing" \
    --owner community-safety --partner mps --partner wlnt --workstream "Governance" --workstream "Analysis and Enforcement" \
    --start 2024-04-01 --due 2024-12-31 --outcome "Information sharing agreement signed by every duty partner"
d add "$plan" --group whole-system --title "Refresh the strategic needs assessment with public health and hospital data" \
    --owner community-safety --partner wlnt --workstream "Analysis and Enforcement" --start 2024-04-01 --due 2025-01-31
d add "$plan" --group primary --title "Crime prevention in town centres and other key areas through monthly tasking" \
    --owner mps --partner community-safety --workstream "Analysis and Enforcement" --workstream "Reducing Access to Weapons" \
    --start 2024-04-01 --due 2025-03-31 --outcome "Fewer knife-enabled offences in the town centres"
d add "$plan" --group primary --title "Improve the safety of public spaces where sexual violence has been reported" \
    --owner community-safety --partner mps --workstream "Domestic Abuse and Sexual Violence" --workstream "Working with Communities and Neighbourhoods" \
    --start 2024-06-01 --due 2025-03-31
d add "$plan" --group primary --title "Build trust between communities, young people and statutory services through capacity building grants" \
    --owner community-safety --partner "Voluntary and community sector partners" --new-partner --workstream "Working with Communities and Neighbourhoods" \
    --start 2024-04-01 --due 2025-03-31
d add "$plan" --group secondary --title "Engage young people vulnerable to violence and exploitation in accessible support (Your Choice)" \
    --owner gvu --partner yjs --workstream "Safeguarding and Educating Young People" --workstream "Positive Diversion from Violence" \
    --start 2024-04-01 --due 2025-03-31 --outcome "Young people aged 11-19 completing the Your Choice programme"
d add "$plan" --group secondary --title "Early intervention and diversion: Turnaround, detached outreach and mentoring" \
    --owner yjs --partner early-help --partner "Harrow Club" --new-partner --workstream "Positive Diversion from Violence" \
    --start 2024-04-01 --due 2025-03-31
d add "$plan" --group secondary --title "Inclusion and nurturing schools programme to reduce exclusions" \
    --owner early-help --workstream "Safeguarding and Educating Young People" --start 2024-09-01 --due 2025-07-31
d add "$plan" --group tertiary --title "Improve support for victims inside and outside the criminal justice system (Impact Project, A&E IDVA)" \
    --owner community-safety --partner "Imperial College Health Charity" --new-partner --workstream "Supporting Victims of Violence and Vulnerability" \
    --workstream "Domestic Abuse and Sexual Violence" --start 2024-04-01 --due 2025-03-31
d add "$plan" --group tertiary --title "Drive programme for high-harm domestic abuse perpetrators" \
    --owner community-safety --partner mps --partner "Probation Service" --new-partner --workstream "Domestic Abuse and Sexual Violence" \
    --start 2024-04-01 --due 2025-03-31

d milestone add "$plan" WSA-01 --title "Draft agreement to the CSP" --due 2024-09-30
d milestone add "$plan" WSA-01 --title "Agreement signed by all duty partners" --due 2024-12-31
d milestone add "$plan" SEC-03 --title "First cohort of schools recruited" --due 2024-10-31
d milestone add "$plan" TER-01 --title "A&E IDVA in post at Charing Cross" --due 2024-07-31

# The performance framework: the national measures and one local indicator.
d plan set "$plan" --population 183200
illustrative="Figures are illustrative, made up for this sample plan; they are not Hammersmith & Fulham's data."
d indicator add "$plan" --id hospital-knife-u25 --measure hospital-knife-u25 --unit count --better lower \
    --name "Hospital admissions for assault with a knife or sharp object, victims under 25" --source "Hospital Episode Statistics" \
    --description "Serious Violence Duty national success measure. $illustrative" --owner wlnt --group tertiary \
    --baseline 6 --baseline-period "2023/24 quarterly average" --target 5 --target-by "2024/25 Q4" --tolerance 20 --suppress-below 5
d indicator add "$plan" --id police-knife-u25 --measure police-knife-u25 --unit count --better lower \
    --name "Knife or sharp-object-enabled serious violence recorded by the police, victims under 25" --source "Metropolitan Police recorded crime" \
    --description "Serious Violence Duty national success measure. $illustrative" --owner mps --workstream reducing-access-to-weapons \
    --baseline 24 --baseline-period "2023/24 quarterly average" --target 21 --target-by "2024/25 Q4" --tolerance 10
d indicator add "$plan" --id homicide-u25 --measure homicide-u25 --unit count --better lower \
    --name "Homicides, victims under 25" --source "Metropolitan Police recorded crime" \
    --description "Serious Violence Duty national success measure. $illustrative" --owner mps --suppress-below 5
d indicator add "$plan" --id your-choice-completions --unit count --better higher \
    --name "Young people completing the Your Choice programme" --source "Gangs, Violence and Exploitation Unit" \
    --description "Local indicator: young people aged 11 to 19 completing the programme (higher is better). $illustrative" \
    --owner gvu --action SEC-01 --target 30 --target-by "2024/25 Q4"

# 2024/25 Q1, reviewed at the July CSP.
at 2024-06-20T10:00:00Z
d set "$plan" WSA-01 --status green --comment "Data sharing workshop held; draft agreement with legal."
d set "$plan" PRI-01 --status green --comment "Monthly tasking in place; two weapons sweeps completed."
d set "$plan" SEC-01 --status amber --comment "Referrals lower than planned; practitioners still being trained."
d set "$plan" TER-01 --status green --comment "Impact Project supporting victims through court; IDVA recruitment started."
at 2024-07-12T09:00:00Z
d indicator record "$plan" hospital-knife-u25 --quarter "2024/25 Q1" --value 7
d indicator record "$plan" police-knife-u25 --quarter "2024/25 Q1" --value 26
d indicator record "$plan" homicide-u25 --quarter "2024/25 Q1" --value 0
d indicator record "$plan" your-choice-completions --quarter "2024/25 Q1" --value 5
at 2024-07-15T16:00:00Z
d review close "$plan" "2024/25 Q1" --board "Hammersmith & Fulham Community Safety Partnership"

# 2024/25 Q2.
at 2024-09-18T10:00:00Z
d milestone done "$plan" WSA-01 M1
d set "$plan" WSA-01 --status green --comment "Draft agreement taken to the CSP."
d set "$plan" SEC-01 --status red --comment "Two practitioners left; no referrals in August. Asking the CSP for cover from the GVU."
d set "$plan" TER-01 --status amber --comment "A&E IDVA post re-advertised; the milestone will be missed."
d indicator record "$plan" hospital-knife-u25 --quarter "2024/25 Q2" --value 4 --provisional --note "July and August; September to follow"
d indicator record "$plan" police-knife-u25 --quarter "2024/25 Q2" --value 19 --provisional --note "July and August; September to follow"
d indicator record "$plan" homicide-u25 --quarter "2024/25 Q2" --value 1 --provisional
d indicator record "$plan" your-choice-completions --quarter "2024/25 Q2" --value 3 --note "Referrals down while practitioners were replaced"
finish "$out"
