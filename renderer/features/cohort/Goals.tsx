import { textOn, type Goal } from '../../../shared/cohort'
import { useT } from '../../i18n'
import { useGoals } from './localContent'

export const GOALS = { id: 'cohort.goals.label', defaultMessage: 'Sustainable Development Goals' } as const

/** A goal as its number on the goal's official colour, with its name beside it (`goal` as useGoals gives it, in the person's language). */
export function GoalBadge({ goal, compact }: { goal: Goal; compact?: boolean }) {
  const t = useT()
  return (
    <span className="sdg-badge" title={compact ? `${goal.number}. ${goal.name}` : undefined}>
      <span className="sdg-number" style={{ background: goal.colour, color: textOn(goal.colour) }} aria-hidden="true">
        {goal.number}
      </span>
      <span className={compact ? 'sr-only' : 'sdg-name'}>
        {compact ? t({ id: 'cohort.goals.compact', defaultMessage: 'Goal {number}: {name}' }, { number: goal.number, name: goal.name }) : goal.name}
      </span>
    </span>
  )
}

export function GoalList({ goals, compact }: { goals: number[]; compact?: boolean }) {
  const t = useT()
  const all = useGoals()
  if (goals.length === 0) return null
  return (
    <ul className={compact ? 'sdg-list compact' : 'sdg-list'} aria-label={t(GOALS)}>
      {goals.map((n) => (
        <li key={n}>
          <GoalBadge goal={all[n - 1]} compact={compact} />
        </li>
      ))}
    </ul>
  )
}

/** The 17 goals as toggle buttons; each says whether it is chosen (aria-pressed). */
export function GoalPicker(props: { chosen: number[]; onToggle: (goal: number, on: boolean) => void }) {
  const t = useT()
  const chosen = new Set(props.chosen)
  const all = useGoals()
  return (
    <fieldset className="field sdg-picker">
      <legend>{t({ id: 'cohort.goals.pick', defaultMessage: 'Sustainable Development Goals this project touches' })}</legend>
      <div className="sdg-grid">
        {all.map((goal) => {
          const on = chosen.has(goal.number)
          return (
            <button
              key={goal.number}
              type="button"
              className="sdg-toggle"
              aria-pressed={on}
              title={goal.description}
              onClick={() => props.onToggle(goal.number, !on)}
            >
              <GoalBadge goal={goal} />
            </button>
          )
        })}
      </div>
    </fieldset>
  )
}
