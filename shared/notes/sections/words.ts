/** "1 loop", "3 loops", "1 response was", "2 responses were". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`
